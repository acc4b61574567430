package io.chanmarket.core.platform.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.testing.DatabaseTest;
import io.chanmarket.testing.TestInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The read-only role of the Grafana data source, set up as {@code deploy/postgres/grafana-reader.sh} does: a login role
 * in the group {@code reporting_reader}, its search path the {@code reporting} schema. It reads the statistics the
 * dashboards query by their usual names, and nothing else: no client ids, no API keys, no admin table.
 */
@MicronautTest(transactional = false)
class ReportingRoleIT implements DatabaseTest {

    private final String reader = "grafana_test_" + UUID.randomUUID().toString().substring(0, 8);
    private boolean createdGroup;

    @Test
    void theGrafanaRoleReadsTheStatisticsViewsAndNothingElse() throws SQLException {
        try (Connection admin = owner(); Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'reporting_reader'")) {
                if (!rs.next()) {
                    st.execute("CREATE ROLE reporting_reader NOLOGIN");
                    createdGroup = true;
                }
            }
            st.execute("CREATE ROLE " + reader + " LOGIN IN ROLE reporting_reader");
            st.execute("ALTER ROLE " + reader + " SET search_path = reporting");
            st.execute("ALTER ROLE " + reader + " SET default_transaction_read_only = on");
            // what the migration does when the group exists (here it was created after this database was migrated)
            st.execute("GRANT USAGE ON SCHEMA reporting TO reporting_reader");
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO reporting_reader");
            st.execute("INSERT INTO ad_advertiser (advertiser_id, name) VALUES ('" + UUID.randomUUID()
                    + "', 'Reporting shop')");
        }
        Map<String, String> props = TestInfrastructure.properties();
        try (Connection grafana = DriverManager.getConnection(props.get("datasources.default.url"), reader, "x");
                Statement st = grafana.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ad_advertiser WHERE name = 'Reporting shop'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            st.executeQuery("SELECT campaign_id, ad_title, seq FROM ad_campaign").close();
            st.executeQuery("SELECT campaign_id, day, cost FROM ad_impression").close();
            st.executeQuery("SELECT campaign_id, day, cost FROM ad_click").close();
            assertThatThrownBy(() -> st.executeQuery("SELECT client_id FROM ad_impression"))
                    .hasMessageContaining("client_id");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM public.ad_client"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM public.ad_advertiser"))
                    .hasMessageContaining("permission denied");
            // no table of the public schema at all (the admin's users and sessions included, where they exist)
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm')"
                    + " AND pg_catalog.has_table_privilege(c.oid, 'SELECT')")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            assertThatThrownBy(() -> st.execute("DELETE FROM ad_advertiser")).isInstanceOf(SQLException.class);
        }
    }

    /** A connection as the database's owner, the role the migrations ran as. */
    private static Connection owner() throws SQLException {
        Map<String, String> props = TestInfrastructure.properties();
        return DriverManager.getConnection(props.get("datasources.default.url"),
                props.get("datasources.default.username"), props.get("datasources.default.password"));
    }

    @AfterAll
    void dropTheRoles() throws SQLException {
        try (Connection admin = owner(); Statement st = admin.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + reader);
            if (createdGroup) {
                st.execute("DROP OWNED BY reporting_reader");
                try {
                    st.execute("DROP ROLE reporting_reader");
                } catch (SQLException e) {
                    // another database of the cluster, migrated meanwhile, granted it its views: a login-less role
                    // stays
                }
            }
        }
    }
}
