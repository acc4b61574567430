package io.chanmarket.core.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from binaries shipped as a Maven artifact (zonky), used when no datasource URL is
 * configured. Its data directory survives restarts, so a second start sees the same data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL keeping its data under {@code dataDir} (created when missing).
     *
     * @param dataDir
     *            where the cluster lives; reused when it already holds one
     * @param port
     *            TCP port on 127.0.0.1, or 0 for any free port
     */
    public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        LOG.info("Embedded PostgreSQL {} on port {} with data in {}", existing ? "reopened" : "initialised",
                postgres.getPort(), dataDir.toAbsolutePath());
        return new EmbeddedDatabase(postgres, dataDir);
    }

    /** Starts a throw-away server in a temporary directory (tests). */
    public static EmbeddedDatabase startTemporary() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").start();
        return new EmbeddedDatabase(postgres, null);
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the built-in {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    /** Datasource settings that point the application at this server. */
    public Map<String, Object> datasourceProperties() {
        return Map.of("datasources.default.url", jdbcUrl(), "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
