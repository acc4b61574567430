package io.chanmarket.testing;

import io.chanmarket.core.platform.db.EmbeddedDatabase;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL and Redis every test in this JVM uses, chosen once:
 *
 * <ul>
 * <li>PostgreSQL: {@code TEST_DATABASE_URL} (a JDBC URL of a server where we may create databases), else Testcontainers
 * when a Docker engine answers, else embedded PostgreSQL. A fresh database is created for the run and dropped when the
 * JVM exits.
 * <li>Redis: {@code TEST_REDIS_URI}, else Testcontainers when a Docker engine answers, else none (the in-process
 * implementations are used). Keys get a per-run prefix and are deleted when the JVM exits.
 * </ul>
 */
public final class TestInfrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static Database database;
    private static Optional<String> redisUri;

    private TestInfrastructure() {
    }

    /** A database created for this run. */
    public record Database(String url, String username, String password) {
    }

    /** Micronaut properties pointing at this run's database and (when there is one) Redis. */
    public static synchronized Map<String, String> properties() {
        Map<String, String> props = new HashMap<>(databaseProperties());
        redisUri().ifPresent(uri -> {
            props.put("redis.uri", uri);
            props.put("app.redis.key-prefix", redisKeyPrefix());
        });
        return props;
    }

    /** Properties for the database alone, with the in-process shared-state implementations. */
    public static synchronized Map<String, String> databaseProperties() {
        Database db = database();
        Map<String, String> props = new HashMap<>();
        props.put("datasources.default.url", db.url());
        props.put("datasources.default.username", db.username());
        props.put("datasources.default.password", db.password());
        props.put("datasources.default.dialect", "POSTGRES");
        props.put("datasources.default.maximum-pool-size", "8");
        props.put("flyway.datasources.default.enabled", "true");
        return props;
    }

    public static String redisKeyPrefix() {
        return "test-" + RUN + ":";
    }

    public static synchronized Database database() {
        if (database == null) {
            database = createDatabase();
        }
        return database;
    }

    public static synchronized Optional<String> redisUri() {
        if (redisUri == null) {
            redisUri = findRedis();
            redisUri.ifPresent(TestInfrastructure::cleanRedisOnExit);
        }
        return redisUri;
    }

    private static Database createDatabase() {
        String adminUrl = System.getenv("TEST_DATABASE_URL");
        String user = Optional.ofNullable(System.getenv("TEST_DATABASE_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("TEST_DATABASE_PASSWORD")).orElse("");
        if (adminUrl == null || adminUrl.isBlank()) {
            if (dockerAvailable()) {
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                LOG.info("Tests use PostgreSQL from Testcontainers");
                return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
            try {
                EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                adminUrl = embedded.jdbcUrl();
                user = "postgres";
                password = "";
                LOG.info("Tests use embedded PostgreSQL on port {}", embedded.port());
            } catch (Exception e) {
                throw new IllegalStateException("No PostgreSQL for tests: set TEST_DATABASE_URL", e);
            }
        }
        String name = "cm_test_" + RUN;
        execute(adminUrl, user, password, "CREATE DATABASE " + name);
        String finalAdminUrl = adminUrl;
        String finalUser = user;
        String finalPassword = password;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> dropDatabase(finalAdminUrl, finalUser, finalPassword, name)));
        LOG.info("Tests use database {}", name);
        return new Database(withDatabase(adminUrl, name), user, password);
    }

    private static void dropDatabase(String adminUrl, String user, String password, String name) {
        try {
            execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
            LOG.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    /** Replaces the database name in a JDBC URL, keeping its parameters. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query >= 0 ? url.substring(0, query) : url;
        String params = query >= 0 ? url.substring(query) : "";
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash >= 0 ? base.substring(0, slash) : base;
        return hostPart + "/" + database + params;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("Test database setup failed on " + url + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> findRedis() {
        String uri = System.getenv("TEST_REDIS_URI");
        if (uri != null && !uri.isBlank()) {
            LOG.info("Tests use Redis at {}", uri);
            return Optional.of(uri);
        }
        if (dockerAvailable()) {
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
            LOG.info("Tests use Redis from Testcontainers");
            return Optional.of("redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        }
        LOG.info("Tests use the in-process implementations instead of Redis");
        return Optional.empty();
    }

    private static void cleanRedisOnExit(String uri) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteKeys(uri, redisKeyPrefix())));
    }

    /** Deletes every key under {@code prefix}. */
    public static void deleteKeys(String uri, String prefix) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs args = ScanArgs.Builder.matches(prefix + "*").limit(500);
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, args);
                if (!page.getKeys().isEmpty()) {
                    connection.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException e) {
            LOG.warn("Could not clean Redis keys {}*: {}", prefix, e.getMessage());
        } finally {
            client.shutdown();
        }
    }

    private static boolean dockerAvailable() {
        if ("false".equals(System.getenv("TESTCONTAINERS_ENABLED"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static String run() {
        return RUN.toLowerCase(Locale.ROOT);
    }
}
