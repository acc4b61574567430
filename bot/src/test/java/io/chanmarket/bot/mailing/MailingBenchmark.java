package io.chanmarket.bot.mailing;

import io.chanmarket.bot.telegram.TelegramStandIn;
import io.chanmarket.bot.telegram.TelegramStandIn.Call;
import io.chanmarket.core.mailing.MailingDraft;
import io.chanmarket.core.mailing.MailingState;
import io.chanmarket.core.mailing.Mailings;
import io.chanmarket.core.mailing.Progress;
import io.chanmarket.core.mailing.SegmentFilter;
import io.chanmarket.core.mailing.Segments;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Delivery benchmark (not a test; run by hand): one mailing to {@code recipients} users through the real sender against
 * the Telegram stand-in enforcing {@code limit} messages per second (429 beyond it) and answering each send after
 * {@code latency-ms}. Prints the sustained rate (first to last accepted message) and the wall time.
 *
 * <pre>
 * mvn -o -q -pl catalog-core,bot test-compile
 * mvn -o -q -pl bot dependency:build-classpath -Dmdep.outputFile=target/deps.txt -Dmdep.includeScope=test \
 *     -Dmdep.excludeArtifactIds=catalog-core
 * TEST_DATABASE_URL=jdbc:postgresql://localhost:5432/postgres java -cp \
 *     bot/target/test-classes:bot/target/classes:catalog-core/target/test-classes:catalog-core/target/classes:$(cat bot/target/deps.txt) \
 *     io.chanmarket.bot.mailing.MailingBenchmark 3000 30 50
 * </pre>
 *
 * (Without {@code TEST_DATABASE_URL} an embedded PostgreSQL is used, see {@code TestInfrastructure}.)
 */
public final class MailingBenchmark {

    private MailingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (TelegramStandIn telegram = new TelegramStandIn("42:TEST")) {
            telegram.limitRate(limit);
            telegram.sendLatency(Duration.ofMillis(latencyMs));
            Map<String, Object> props = new HashMap<>(TestInfrastructure.databaseProperties());
            props.put("app.bot.api-url", telegram.url());
            props.put("app.roles.bot", "false");
            props.put("app.mailing.rate", String.valueOf(limit));
            try (ApplicationContext context = ApplicationContext.run(props, "test")) {
                DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO telegram_user (id, first_name, language_code) VALUES (?, 'User', 'bm')")) {
                    for (int i = 0; i < recipients; i++) {
                        ps.setLong(1, 60_000_000L + i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                Segments segments = context.getBean(Segments.class);
                Mailings mailings = context.getBean(Mailings.class);
                long segment = segments.createManual(new SegmentFilter("Benchmark", "bm", false, null, null));
                long id = mailings.create(
                        new MailingDraft("Benchmark", "<b>Benchmark</b> message", null, null, null, List.of(segment)),
                        "benchmark");
                long started = System.nanoTime();
                mailings.start(id, 0);
                while (mailings.find(id).orElseThrow().state() != MailingState.DONE) {
                    Thread.sleep(200);
                }
                double wall = (System.nanoTime() - started) / 1e9;
                Progress p = mailings.progress(id);
                List<Call> accepted = telegram.accepted();
                double span = (accepted.get(accepted.size() - 1).atNanos() - accepted.get(0).atNanos()) / 1e9;
                System.out.printf("recipients=%d delivered=%d blocked=%d failed=%d unknown=%d 429s=%d%n", p.total(),
                        p.delivered(), p.blocked(), p.failed(), p.unknown(), telegram.rateLimited());
                System.out.printf(
                        "stand-in limit %d/s, latency %d ms: sustained %.2f msg/s (%d messages in %.1f s),"
                                + " wall time from start to done %.1f s (%.2f msg/s)%n",
                        limit, latencyMs, (accepted.size() - 1) / span, accepted.size(), span, wall,
                        accepted.size() / wall);
            }
        }
        System.exit(0);
    }
}
