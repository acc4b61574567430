package io.chanmarket.webapp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanmarket.testing.TestInfrastructure;
import io.chanmarket.webapp.ads.bench.BenchNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/schema.md} is the data schema as the migrations build it, read from a freshly migrated database (tables,
 * columns, types, nullability, defaults; indexes), so it cannot drift from the code. When a migration changes the
 * schema this test fails; {@code -Dschema.write=true} writes the new file (then review and commit it).
 */
class SchemaDocIT {

    private static final Path DOC = Path.of("..", "docs", "schema.md");

    @Test
    void theSchemaDocumentIsWhatTheMigrationsBuild() throws Exception {
        String generated;
        try (BenchNode node = new BenchNode(System.getenv("TEST_DATABASE_URL"), System.getenv("TEST_DATABASE_USER"),
                TestInfrastructure.redisUri().orElse(null), Map.of());
                Connection c = DriverManager.getConnection(node.jdbcUrl(), node.user(), "")) {
            generated = render(c);
        }
        if (Boolean.getBoolean("schema.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as("docs/schema.md exists (write it with -Dschema.write=true)").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/schema.md is behind the migrations: run this test with -Dschema.write=true and commit it")
                .isEqualTo(generated);
    }

    static String render(Connection c) throws Exception {
        StringBuilder out = new StringBuilder("""
                # Data schema

                Generated from a freshly migrated database by `SchemaDocIT` (webapp tests); do not edit by hand. After a
                migration: `mvn -B -pl webapp -am test -Dtest=SchemaDocIT -Dsurefire.failIfNoSpecifiedTests=false \
                -Dschema.write=true`. What the tables are for: [architecture.md](architecture.md#data-schema).
                """);
        try (ResultSet tables = c.createStatement().executeQuery("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                   AND table_name NOT LIKE 'flyway%' ORDER BY table_name""")) {
            while (tables.next()) {
                String table = tables.getString(1);
                out.append("\n## `").append(table)
                        .append("`\n\n| column | type | null | default |\n|---|---|---|---|\n");
                try (var ps = c.prepareStatement("""
                        SELECT column_name, data_type, udt_name, is_nullable, column_default
                          FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?
                         ORDER BY ordinal_position""")) {
                    ps.setString(1, table);
                    try (ResultSet col = ps.executeQuery()) {
                        while (col.next()) {
                            String type = col.getString(2).equals("USER-DEFINED") || col.getString(2).equals("ARRAY")
                                    ? col.getString(3) : col.getString(2);
                            String def = col.getString(5);
                            out.append("| `").append(col.getString(1)).append("` | ").append(type).append(" | ")
                                    .append("YES".equals(col.getString(4)) ? "yes" : "no").append(" | ")
                                    .append(def == null ? "" : "`" + def.replace("|", "\\|") + "`").append(" |\n");
                        }
                    }
                }
                try (var ps = c.prepareStatement("""
                        SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?
                         ORDER BY indexname""")) {
                    ps.setString(1, table);
                    try (ResultSet idx = ps.executeQuery()) {
                        boolean first = true;
                        while (idx.next()) {
                            if (first) {
                                out.append("\nIndexes:\n\n");
                                first = false;
                            }
                            out.append("- `").append(idx.getString(1).replace("public.", "")).append("`\n");
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}
