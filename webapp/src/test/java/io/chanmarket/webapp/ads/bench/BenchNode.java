package io.chanmarket.webapp.ads.bench;

import io.chanmarket.core.platform.db.EmbeddedDatabase;
import io.chanmarket.webapp.Application;
import io.chanmarket.webapp.ads.AdApi;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The application started for a bench run on a database of its own: created on the PostgreSQL server named by
 * {@code dbUrl} (a JDBC URL where databases may be created; e.g. the {@code TEST_DATABASE_URL} of the tests), or on an
 * embedded PostgreSQL when there is none, and dropped at the end. Without {@code redisUri} the in-process shared state
 * is used.
 */
public final class BenchNode implements AutoCloseable {

    private final Application.Running app;
    private final String adminUrl;
    private final String user;
    private final String name;
    private final EmbeddedDatabase embedded;

    public BenchNode(String dbUrl, String user, String redisUri, Map<String, Object> extra) throws Exception {
        this.embedded = dbUrl == null ? EmbeddedDatabase.startTemporary() : null;
        this.adminUrl = dbUrl == null ? embedded.jdbcUrl() : dbUrl;
        this.user = user == null ? "postgres" : user;
        this.name = "cm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", jdbcUrl());
        props.put("datasources.default.username", this.user);
        props.put("datasources.default.password", "");
        props.put("micronaut.server.port", "-1");
        props.put("app.roles.bot", "false");
        props.put("app.roles.parser-schedule", "false");
        props.put("app.roles.mailing-sender", "false");
        // the contract without credentials, as the organizers' checker calls it (docs/security.md)
        props.put("app.ads.auth", "open");
        if (redisUri != null) {
            props.put("redis.uri", redisUri);
            props.put("app.redis.key-prefix", name + ":");
        }
        props.putAll(extra);
        this.app = Application.start(new String[0], props);
    }

    /** The JDBC URL of this node's own database. */
    public String jdbcUrl() {
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    /** The database user. */
    public String user() {
        return user;
    }

    public AdApi api() {
        return new AdApi(app.context().getBean(EmbeddedServer.class).getURI());
    }

    public <T> T bean(Class<T> type) {
        return app.context().getBean(type);
    }

    public java.net.URI uri() {
        return app.context().getBean(EmbeddedServer.class).getURI();
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "")) {
            c.createStatement().execute(sql);
        }
    }

    @Override
    public void close() throws Exception {
        app.close();
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
