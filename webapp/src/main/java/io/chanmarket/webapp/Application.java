package io.chanmarket.webapp;

import io.chanmarket.core.platform.config.ConfigurationProblem;
import io.chanmarket.core.platform.config.StartupChecks;
import io.chanmarket.core.platform.db.EmbeddedDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one runnable application: every module's beans in one context. Before the context starts it checks the settings
 * that would otherwise fail obscurely, and, when no datasource URL is configured, starts an embedded PostgreSQL whose
 * data survives restarts.
 */
@OpenAPIDefinition(info = @Info(title = "chanmarket", version = "0.1", description = "Telegram channel ad marketplace: Mini App, admin, and the ad engine API."), servers = @Server(url = "/", description = "This server"))
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /** The ad API's auth mode: see docs/security.md. */
    static final String AD_API_AUTH = "app.ads.auth";

    private Application() {
    }

    public static void main(String[] args) {
        try {
            Running running = start(args, Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(running::awaitStopThenCloseDatabase, "embedded-db-stop"));
        } catch (ConfigurationProblem e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** A started application and the embedded database it owns, if any. */
    public record Running(ApplicationContext context, Optional<EmbeddedDatabase> embeddedDatabase)
            implements AutoCloseable {

        /** Stops the context, then the embedded database. */
        @Override
        public void close() {
            if (context.isRunning()) {
                context.close();
            }
            embeddedDatabase.ifPresent(EmbeddedDatabase::close);
        }

        /** For a shutdown hook: Micronaut's own hook stops the context; the database goes after it. */
        void awaitStopThenCloseDatabase() {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (context.isRunning() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            embeddedDatabase.ifPresent(EmbeddedDatabase::close);
        }
    }

    /**
     * Checks the configuration, provides a database, and starts the application.
     *
     * @param overrides
     *            settings that win over every other source (tests)
     *
     * @throws ConfigurationProblem
     *             when a setting is unusable; its message names the setting
     */
    /** Origins allowed to call this server from a browser page of theirs (comma-separated; none by default). */
    static final String CORS_ORIGINS = "app.cors.allowed-origins";

    public static Running start(String[] args, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        try (ApplicationContext probe = ApplicationContext.builder().args(args).properties(overrides).build()) {
            Environment env = probe.getEnvironment().start();
            env.getProperty(StartupChecks.SERVER_PORT, String.class)
                    .ifPresent(port -> StartupChecks.checkPort(StartupChecks.SERVER_PORT, port));
            env.getProperty(StartupChecks.REDIS_URI, String.class).ifPresent(StartupChecks::checkRedisUri);
            Optional<String> url = env.getProperty(StartupChecks.DATASOURCE_URL, String.class);
            if (url.isPresent()) {
                StartupChecks.checkDatasourceUrl(url.get());
                Duration timeout = env.getProperty("app.database.connect-timeout", Duration.class)
                        .orElse(Duration.ofSeconds(30));
                StartupChecks.awaitDatabase(url.get(),
                        env.getProperty("datasources.default.username", String.class).orElse(null),
                        env.getProperty("datasources.default.password", String.class).orElse(null), timeout);
            } else {
                Path dataDir = Path
                        .of(env.getProperty("app.database.embedded.data-dir", String.class).orElse("data/postgres"));
                int port = StartupChecks.checkPort("app.database.embedded.port",
                        env.getProperty("app.database.embedded.port", String.class).orElse("0"));
                EmbeddedDatabase database = startEmbedded(dataDir, Math.max(port, 0));
                embedded = Optional.of(database);
                properties.putAll(database.datasourceProperties());
            }
            if (env.getProperty(AD_API_AUTH, String.class).filter(mode -> !mode.isBlank()).isEmpty()) {
                // keys wherever a real database is configured; open only for the embedded one (local runs, checker)
                properties.put(AD_API_AUTH, url.isPresent() ? "keys" : "open");
            }
            // CORS only for the origins named (none by default: the Mini App and the admin are same-origin); an empty
            // origin list would let Micronaut answer every origin, so CORS stays off without one.
            List<String> origins = Arrays.stream(env.getProperty(CORS_ORIGINS, String.class).orElse("").split(","))
                    .map(String::strip).filter(origin -> !origin.isEmpty()).toList();
            if (!origins.isEmpty()) {
                properties.put("micronaut.server.cors.enabled", "true");
                properties.put("micronaut.server.cors.configurations.app.allowed-origins", origins);
            }
            env.stop();
        }
        try {
            ApplicationContext context = Micronaut.build(args).mainClass(Application.class).banner(false)
                    .properties(properties).start();
            return new Running(context, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    private static EmbeddedDatabase startEmbedded(Path dataDir, int port) {
        try {
            LOG.info("No datasource URL configured: starting embedded PostgreSQL in {}", dataDir.toAbsolutePath());
            return EmbeddedDatabase.start(dataDir, port);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationProblem("app.database.embedded.data-dir",
                    "embedded PostgreSQL could not start in " + dataDir.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
