package io.chanmarket.core.catalog.metrics;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsers' door into the catalog: which channels to refresh, and writing parsed metrics. A write updates the
 * channel's current values, appends a history row and recomputes CPM (price ÷ reach × 1000, 24 h ad reach when present,
 * else average reach) in one transaction. Parser writes do not touch {@code version}: the columns they write are not
 * the ones admins edit, so an admin's open form is not invalidated by a refresh.
 */
@Singleton
public class ChannelMetrics {

    /** CPM from the row's current price and (already updated) reach; null without a price or a reach. */
    static final String CPM = "CASE WHEN price_rub IS NULL THEN NULL"
            + " WHEN COALESCE(ad_reach_24h, avg_reach) IS NULL OR COALESCE(ad_reach_24h, avg_reach) <= 0 THEN NULL"
            + " ELSE round(price_rub * 1000 / COALESCE(ad_reach_24h, avg_reach), 2) END";

    private static final String REF_COLUMNS = "id, username, tgstat_url, telemetr_url, metrics_updated_at, is_demo";

    private final TransactionOperations<Connection> tx;

    public ChannelMetrics(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** The channel, if it exists. */
    public Optional<ChannelRef> find(long channelId) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT " + REF_COLUMNS + " FROM channel WHERE id = ?")) {
                ps.setLong(1, channelId);
                List<ChannelRef> refs = refs(ps);
                return refs.isEmpty() ? Optional.empty() : Optional.of(refs.get(0));
            }
        });
    }

    /**
     * Channels whose TGStat values are older than {@code updatedBefore} (never fetched first, then oldest), skipping
     * demo channels and channels without a username or TGStat link.
     */
    public List<ChannelRef> staleChannels(Instant updatedBefore, int limit) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT " + REF_COLUMNS
                            + " FROM channel WHERE NOT is_demo AND (username IS NOT NULL OR tgstat_url IS NOT NULL)"
                            + " AND (metrics_updated_at IS NULL OR metrics_updated_at < ?)"
                            + " ORDER BY metrics_updated_at NULLS FIRST, id LIMIT ?")) {
                ps.setTimestamp(1, Timestamp.from(updatedBefore));
                ps.setInt(2, limit);
                return refs(ps);
            }
        });
    }

    /** How many channels a full refresh covers (the same filter as {@link #staleChannels}). */
    public long refreshableCount() {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT count(*) FROM channel"
                            + " WHERE NOT is_demo AND (username IS NOT NULL OR tgstat_url IS NOT NULL)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Writes a full set of TGStat values, a history row and the new CPM. */
    public void recordStats(long channelId, MetricSource source, StatValues v, Instant fetchedAt) {
        recordStats(channelId, source, v, fetchedAt, Set.of());
    }

    /**
     * Writes a set of TGStat values, a history row and the new CPM, keeping the fields in {@code keep} as they are (a
     * kept field's history cell is null: it was not read).
     */
    public void recordStats(long channelId, MetricSource source, StatValues v, Instant fetchedAt, Set<StatField> keep) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("UPDATE channel SET " + kept(StatField.SUBSCRIBERS, keep)
                    + ", " + kept(StatField.AVG_REACH, keep) + ", " + kept(StatField.AD_REACH_12H, keep) + ", "
                    + kept(StatField.AD_REACH_24H, keep) + ", " + kept(StatField.AD_REACH_48H, keep) + ", "
                    + kept(StatField.ERR_PCT, keep) + ", " + kept(StatField.ERR24_PCT, keep) + ", "
                    + kept(StatField.ER_PCT, keep) + ", " + kept(StatField.CITATION_INDEX, keep) + ", "
                    + kept(StatField.POSTS_COUNT, keep) + ", channel_created_on = COALESCE(?, channel_created_on),"
                    + " verified = ?, red_label = CASE WHEN ? THEN red_label ELSE ? END,"
                    + " black_label = CASE WHEN ? THEN black_label ELSE ? END, country = COALESCE(country, ?),"
                    + " language = COALESCE(language, ?), logo_url = COALESCE(logo_url, ?),"
                    + " metrics_updated_at = ?, updated_at = now() WHERE id = ?")) {
                int i = 0;
                setLong(ps, ++i, v.subscribers());
                setLong(ps, ++i, v.avgReach());
                setLong(ps, ++i, v.adReach12h());
                setLong(ps, ++i, v.adReach24h());
                setLong(ps, ++i, v.adReach48h());
                ps.setBigDecimal(++i, v.errPct());
                ps.setBigDecimal(++i, v.err24Pct());
                ps.setBigDecimal(++i, v.erPct());
                ps.setBigDecimal(++i, v.citationIndex());
                setLong(ps, ++i, v.postsCount());
                ps.setDate(++i, v.createdOn() == null ? null : Date.valueOf(v.createdOn()));
                ps.setBoolean(++i, v.verified());
                boolean keepLabels = keep.contains(StatField.LABELS);
                ps.setBoolean(++i, keepLabels);
                ps.setBoolean(++i, v.redLabel());
                ps.setBoolean(++i, keepLabels);
                ps.setBoolean(++i, v.blackLabel());
                ps.setString(++i, v.country());
                ps.setString(++i, v.language());
                ps.setString(++i, v.logoUrl());
                ps.setTimestamp(++i, Timestamp.from(fetchedAt));
                ps.setLong(++i, channelId);
                if (ps.executeUpdate() == 0) {
                    return null;
                }
            }
            recomputeCpm(c, channelId);
            insertHistory(c, channelId, source, fetchedAt, read(v.subscribers(), StatField.SUBSCRIBERS, keep),
                    read(v.avgReach(), StatField.AVG_REACH, keep), read(v.adReach12h(), StatField.AD_REACH_12H, keep),
                    read(v.adReach24h(), StatField.AD_REACH_24H, keep),
                    read(v.adReach48h(), StatField.AD_REACH_48H, keep), read(v.errPct(), StatField.ERR_PCT, keep),
                    read(v.err24Pct(), StatField.ERR24_PCT, keep), read(v.erPct(), StatField.ER_PCT, keep),
                    read(v.citationIndex(), StatField.CITATION_INDEX, keep),
                    read(v.postsCount(), StatField.POSTS_COUNT, keep), null, null);
            return null;
        });
    }

    /**
     * Writes one value an admin confirmed (a value the parser held back) and recomputes CPM; false when the channel
     * does not exist.
     */
    public boolean writeConfirmed(long channelId, StatField field, BigDecimal value) {
        if (field == StatField.LABELS) {
            throw new IllegalArgumentException("labels are not a value");
        }
        return tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE channel SET " + field.column() + " = ?, updated_at = now() WHERE id = ?")) {
                if (field.decimal()) {
                    ps.setBigDecimal(1, value);
                } else {
                    setLong(ps, 1, value == null ? null : value.longValueExact());
                }
                ps.setLong(2, channelId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            recomputeCpm(c, channelId);
            return true;
        });
    }

    /** The channel's current values of the TGStat fields (absent where null); empty when there is no such channel. */
    public Map<StatField, BigDecimal> currentValues(long channelId) {
        return tx.executeRead(status -> {
            List<StatField> fields = new ArrayList<>();
            for (StatField f : StatField.values()) {
                if (f.column() != null) {
                    fields.add(f);
                }
            }
            String columns = String.join(", ", fields.stream().map(StatField::column).toList());
            try (PreparedStatement ps = status.getConnection()
                    .prepareStatement("SELECT " + columns + " FROM channel WHERE id = ?")) {
                ps.setLong(1, channelId);
                Map<StatField, BigDecimal> values = new EnumMap<>(StatField.class);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        for (int i = 0; i < fields.size(); i++) {
                            BigDecimal v = rs.getBigDecimal(i + 1);
                            if (v != null) {
                                values.put(fields.get(i), v);
                            }
                        }
                    }
                }
                return values;
            }
        });
    }

    /** {@code column = CASE WHEN keep THEN column ELSE ? END}, or {@code column = ?}. */
    private static String kept(StatField field, Set<StatField> keep) {
        return keep.contains(field) ? field.column() + " = CASE WHEN TRUE THEN " + field.column() + " ELSE ? END"
                : field.column() + " = ?";
    }

    private static <T> T read(T value, StatField field, Set<StatField> keep) {
        return keep.contains(field) ? null : value;
    }

    /** Writes what a secondary source knows: gender split and language on the channel, its numbers in the history. */
    public void recordAudience(long channelId, MetricSource source, AudienceValues v, Instant fetchedAt) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c
                    .prepareStatement("UPDATE channel SET" + " gender_male_pct = COALESCE(?, gender_male_pct),"
                            + " gender_female_pct = COALESCE(?, gender_female_pct), language = COALESCE(language, ?),"
                            + " updated_at = now() WHERE id = ?")) {
                ps.setBigDecimal(1, v.genderMalePct());
                ps.setBigDecimal(2, v.genderFemalePct());
                ps.setString(3, v.language());
                ps.setLong(4, channelId);
                if (ps.executeUpdate() == 0) {
                    return null;
                }
            }
            insertHistory(c, channelId, source, fetchedAt, v.subscribers(), v.viewsPerPost(), null, null, null, null,
                    null, v.erPct(), null, null, v.genderMalePct(), v.genderFemalePct());
            return null;
        });
    }

    /** Recomputes CPM after a price change (the catalog's admin edit calls this in its own transaction). */
    public void recomputeCpm(long channelId) {
        tx.executeWrite(status -> {
            recomputeCpm(status.getConnection(), channelId);
            return null;
        });
    }

    /** The newest history rows of a channel, newest first; {@code source} null for every source. */
    public List<MetricSnapshot> history(long channelId, MetricSource source, int limit) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT source, fetched_at,"
                    + " subscribers, avg_reach, ad_reach_24h, err_pct, err24_pct, er_pct, citation_index, posts_count"
                    + " FROM channel_metric_history WHERE channel_id = ? AND (CAST(? AS TEXT) IS NULL OR source = ?)"
                    + " ORDER BY fetched_at DESC, id DESC LIMIT ?")) {
                ps.setLong(1, channelId);
                ps.setString(2, source == null ? null : source.name());
                ps.setString(3, source == null ? null : source.name());
                ps.setInt(4, limit);
                List<MetricSnapshot> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new MetricSnapshot(MetricSource.valueOf(rs.getString(1)),
                                rs.getTimestamp(2).toInstant(), getLong(rs, 3), getLong(rs, 4), getLong(rs, 5),
                                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                                getLong(rs, 10)));
                    }
                }
                return rows;
            }
        });
    }

    private static void recomputeCpm(Connection c, long channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE channel SET cpm_rub = " + CPM + " WHERE id = ?")) {
            ps.setLong(1, channelId);
            ps.executeUpdate();
        }
    }

    private static void insertHistory(Connection c, long channelId, MetricSource source, Instant fetchedAt,
            Long subscribers, Long avgReach, Long ad12, Long ad24, Long ad48, BigDecimal err, BigDecimal err24,
            BigDecimal er, BigDecimal ci, Long posts, BigDecimal male, BigDecimal female) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_metric_history (channel_id, source,"
                + " fetched_at, subscribers, avg_reach, ad_reach_12h, ad_reach_24h, ad_reach_48h, err_pct, err24_pct,"
                + " er_pct, citation_index, posts_count, gender_male_pct, gender_female_pct)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            ps.setLong(++i, channelId);
            ps.setString(++i, source.name());
            ps.setTimestamp(++i, Timestamp.from(fetchedAt));
            setLong(ps, ++i, subscribers);
            setLong(ps, ++i, avgReach);
            setLong(ps, ++i, ad12);
            setLong(ps, ++i, ad24);
            setLong(ps, ++i, ad48);
            ps.setBigDecimal(++i, err);
            ps.setBigDecimal(++i, err24);
            ps.setBigDecimal(++i, er);
            ps.setBigDecimal(++i, ci);
            setLong(ps, ++i, posts);
            ps.setBigDecimal(++i, male);
            ps.setBigDecimal(++i, female);
            ps.executeUpdate();
        }
    }

    private static List<ChannelRef> refs(PreparedStatement ps) throws SQLException {
        List<ChannelRef> refs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp updated = rs.getTimestamp(5);
                refs.add(new ChannelRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        updated == null ? null : updated.toInstant(), rs.getBoolean(6)));
            }
        }
        return refs;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
