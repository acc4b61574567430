package io.chanmarket.core.platform.config;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the settings that would otherwise fail deep inside the framework with a wall of stack traces: the datasource
 * URL, the Redis URI and the HTTP port. Each check throws a {@link ConfigurationProblem} naming the setting.
 */
public final class StartupChecks {

    public static final String DATASOURCE_URL = "datasources.default.url";
    public static final String REDIS_URI = "redis.uri";
    public static final String SERVER_PORT = "micronaut.server.port";

    private static final java.util.regex.Pattern HOST_AND_PORT = java.util.regex.Pattern
            .compile("^rediss?://(?:[^@/]*@)?(?:\\[[0-9a-fA-F:.]+]|[^:/?@\\[\\]]+)(?::\\d{1,5})?(?:[/?#].*)?$");

    private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

    private StartupChecks() {
    }

    /** A PostgreSQL JDBC URL the driver accepts, e.g. {@code jdbc:postgresql://host:5432/db}. */
    public static void checkDatasourceUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigurationProblem(DATASOURCE_URL, "is empty");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationProblem(DATASOURCE_URL,
                    "must start with jdbc:postgresql:, got '" + redact(url) + "'");
        }
        Properties parsed = org.postgresql.Driver.parseURL(url, null);
        if (parsed == null) {
            throw new ConfigurationProblem(DATASOURCE_URL, "is not a valid PostgreSQL JDBC URL: '" + redact(url) + "'");
        }
    }

    /** A Redis URI such as {@code redis://host:6379/0} or {@code rediss://user:pass@host}. */
    public static void checkRedisUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new ConfigurationProblem(REDIS_URI, "is empty");
        }
        String scheme = uri.contains("://") ? uri.substring(0, uri.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("redis") && !scheme.equals("rediss") && !scheme.equals("redis-socket")) {
            throw new ConfigurationProblem(REDIS_URI,
                    "must start with redis://, rediss:// or redis-socket://, got '" + redact(uri) + "'");
        }
        if (!scheme.equals("redis-socket") && !HOST_AND_PORT.matcher(uri).matches()) {
            throw new ConfigurationProblem(REDIS_URI,
                    "needs a host and an optional numeric port: '" + redact(uri) + "'");
        }
        try {
            RedisURI parsed = RedisURI.create(uri);
            if (!scheme.equals("redis-socket") && (parsed.getHost() == null || parsed.getHost().isBlank())) {
                throw new ConfigurationProblem(REDIS_URI, "has no host: '" + redact(uri) + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem(REDIS_URI, "is not a valid Redis URI: '" + redact(uri) + "'");
        }
    }

    /** An HTTP port: 0..65535, or -1 for a random free port. */
    public static int checkPort(String setting, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < -1 || port > 65535) {
                throw new ConfigurationProblem(setting,
                        "must be between 0 and 65535 (or -1 for a random port), got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigurationProblem(setting, "must be a whole number, got '" + value + "'");
        }
    }

    /**
     * Waits until the database accepts a connection, retrying with growing pauses until {@code
     * timeout} has passed, then fails with one line naming the setting.
     */
    public static void awaitDatabase(String url, String user, String password, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 250;
        int attempts = 0;
        DriverManager.setLoginTimeout(5);
        while (true) {
            attempts++;
            Properties props = new Properties();
            if (user != null) {
                props.setProperty("user", user);
            }
            if (password != null) {
                props.setProperty("password", password);
            }
            props.setProperty("connectTimeout", "5");
            try (Connection ignored = new org.postgresql.Driver().connect(url, props)) {
                if (attempts > 1) {
                    LOG.info("Database reachable after {} attempts", attempts);
                }
                return;
            } catch (SQLException e) {
                if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw new ConfigurationProblem(DATASOURCE_URL, "database not reachable after " + timeout.toSeconds()
                            + " s (" + attempts + " attempts): " + oneLine(e));
                }
                LOG.warn("Database not reachable yet ({}), retrying in {} ms", oneLine(e), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ConfigurationProblem(DATASOURCE_URL, "interrupted while waiting for the database");
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }

    /** Hides a password in URLs so it never reaches logs. */
    static String redact(String value) {
        String result = value.replaceAll("(?i)(password=)[^&;]*", "$1***");
        try {
            int schemeEnd = result.indexOf("://");
            int at = result.indexOf('@', Math.max(schemeEnd, 0));
            if (schemeEnd >= 0 && at > schemeEnd) {
                String userInfo = result.substring(schemeEnd + 3, at);
                int colon = userInfo.indexOf(':');
                if (colon >= 0) {
                    result = result.substring(0, schemeEnd + 3) + userInfo.substring(0, colon) + ":***"
                            + result.substring(at);
                }
            }
            URI.create(result.replace(" ", "%20"));
        } catch (IllegalArgumentException ignored) {
            // The value is reported as it is (password already hidden).
        }
        return result;
    }
}
