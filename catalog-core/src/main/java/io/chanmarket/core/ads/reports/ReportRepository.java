package io.chanmarket.core.ads.reports;

import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ReportRepository {

    private static final String SELECTED = """
             r.report_id, r.campaign_id, c.ad_title, r.client_id, r.reporter, r.reason, r.state, r.llm_status,
             r.llm_flag, r.llm_verdict, r.created_at, r.updated_at, r.handled_by
            FROM ad_report r LEFT JOIN ad_campaign c ON c.campaign_id = r.campaign_id AND NOT c.deleted""";

    private final Jdbc jdbc;

    ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID campaignId, UUID clientId, String reporter, String reason, Report.LlmStatus status) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO ad_report (report_id, campaign_id, client_id, reporter, reason, llm_status)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                ps.setObject(1, id);
                ps.setObject(2, campaignId);
                ps.setObject(3, clientId);
                ps.setString(4, reporter);
                ps.setString(5, reason);
                ps.setString(6, status.name());
                return ps.executeUpdate();
            }
        });
    }

    Optional<Report> find(UUID id) {
        List<Report> found = query("SELECT" + SELECTED + " WHERE r.report_id = ?", List.of(id));
        return found.stream().findFirst();
    }

    List<Report> page(ReportFilter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(offset);
        params.add(limit);
        return query("SELECT" + SELECTED + where + " ORDER BY r.created_at DESC, r.report_id OFFSET ? LIMIT ?", params);
    }

    long count(ReportFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ad_report r" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Sets the state; false when there is no such report. */
    boolean setState(UUID id, Report.State state, String by) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ad_report SET state = ?, handled_by = ?, updated_at = now() WHERE report_id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, by);
                ps.setObject(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Stores the check's outcome: a flag (DONE) or, with a null flag, the reason it failed (FAILED). */
    void finishCheck(UUID id, Boolean flag, String verdict) {
        jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_report SET llm_status = ?, llm_flag = ?, llm_verdict = ?, updated_at = now()
                     WHERE report_id = ? AND llm_status = 'PENDING'""")) {
                ps.setString(1, flag == null ? "FAILED" : "DONE");
                ps.setObject(2, flag, java.sql.Types.BOOLEAN);
                ps.setString(3, verdict);
                ps.setObject(4, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Checks still pending after {@code age} are failed: the node working on them stopped. */
    int abandonOlderThan(Duration age) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ad_report SET llm_status = 'FAILED', updated_at = now(),
                           llm_verdict = 'the check was abandoned (the server working on it stopped)'
                     WHERE llm_status = 'PENDING' AND created_at < now() - ? * interval '1 millisecond'""")) {
                ps.setLong(1, age.toMillis());
                return ps.executeUpdate();
            }
        });
    }

    private static String where(ReportFilter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.state() != null) {
            conditions.add("r.state = ?");
            params.add(filter.state().name());
        }
        if (filter.flag() != null) {
            conditions.add(switch (filter.flag()) {
            case TRUE -> "r.llm_flag IS TRUE";
            case FALSE -> "r.llm_flag IS FALSE";
            case PENDING -> "r.llm_status = 'PENDING'";
            case NONE -> "r.llm_status IN ('OFF', 'FAILED')";
            });
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private List<Report> query(String sql, List<Object> params) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                List<Report> reports = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reports.add(row(rs));
                    }
                }
                return reports;
            }
        });
    }

    private static Report row(ResultSet rs) throws SQLException {
        return new Report(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), Report.State.valueOf(rs.getString(7)),
                Report.LlmStatus.valueOf(rs.getString(8)), rs.getObject(9, Boolean.class), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getString(13));
    }
}
