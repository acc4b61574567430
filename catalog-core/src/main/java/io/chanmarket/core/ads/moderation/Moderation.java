package io.chanmarket.core.ads.moderation;

import io.chanmarket.core.ads.AdsException;
import io.chanmarket.core.ads.ChangeBus;
import io.chanmarket.core.ads.Validation;
import io.chanmarket.core.ads.campaigns.CampaignTextCheck;
import io.chanmarket.core.platform.db.Jdbc;
import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Moderation of ad texts: a blacklist of words and phrases and an on/off switch (off by default), both stored in
 * PostgreSQL and changed only through the API. Each node keeps them in memory; a change is announced on the
 * {@link ChangeBus} ({@value #CHANGED}) so every node reloads, and the copy is also reloaded after
 * {@value #MAX_AGE_MILLIS} ms as a safety net for a lost message. When on, campaign texts containing a blacklisted
 * phrase (as {@link TextMatcher} matches them) are refused.
 */
@Singleton
@Requires(beans = DataSource.class)
public class Moderation implements CampaignTextCheck {

    /** Message on the {@link ChangeBus} after a change of the blacklist or the switch. */
    public static final String CHANGED = "moderation";
    static final long MAX_AGE_MILLIS = 30_000;
    static final int MAX_PHRASE = 200;

    /** The switch as the API shows it. */
    @Serdeable
    public record Settings(Boolean enabled) {
    }

    /** One blacklisted phrase. */
    @Serdeable
    public record Phrase(String phrase) {
    }

    private record Entry(String phrase, List<String> stems) {
    }

    private record Snapshot(boolean enabled, List<Entry> entries, long loadedAt) {
    }

    private final Jdbc jdbc;
    private final ChangeBus bus;
    private volatile Snapshot snapshot;

    Moderation(Jdbc jdbc, ChangeBus bus) {
        this.jdbc = jdbc;
        this.bus = bus;
        bus.subscribe(message -> {
            if (CHANGED.equals(message)) {
                snapshot = null;
            }
        });
    }

    @Override
    public void check(String field, String text) {
        Snapshot s = current();
        if (!s.enabled() || text == null) {
            return;
        }
        List<String> stems = TextMatcher.stems(text);
        for (Entry entry : s.entries()) {
            if (TextMatcher.contains(stems, entry.stems())) {
                throw new AdsException.Invalid(field + " is refused by moderation: it contains the blacklisted phrase '"
                        + entry.phrase() + "'");
            }
        }
    }

    public Settings settings() {
        return new Settings(current().enabled());
    }

    public Settings update(Settings settings) {
        if (settings == null || settings.enabled() == null) {
            throw new AdsException.Invalid("enabled is required (true or false)");
        }
        jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("UPDATE ad_moderation_setting SET enabled = ? WHERE id = 1")) {
                ps.setBoolean(1, settings.enabled());
                return ps.executeUpdate();
            }
        });
        changed();
        return settings();
    }

    /** The blacklist in alphabetical order. */
    public List<Phrase> blacklist() {
        return current().entries().stream().map(e -> new Phrase(e.phrase())).toList();
    }

    /** Adds a phrase (trimmed, lower-cased); adding one already there changes nothing. */
    public Phrase add(Phrase phrase) {
        String value = normalise(phrase);
        if (TextMatcher.stems(value).isEmpty()) {
            throw new AdsException.Invalid("phrase must contain letters");
        }
        jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("INSERT INTO ad_blacklist (phrase) VALUES (?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, value);
                return ps.executeUpdate();
            }
        });
        changed();
        return new Phrase(value);
    }

    /** Removes a phrase; {@link AdsException.NotFound} when it is not on the list. */
    public void remove(String phrase) {
        String value = normalise(new Phrase(phrase));
        int removed = jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ad_blacklist WHERE phrase = ?")) {
                ps.setString(1, value);
                return ps.executeUpdate();
            }
        });
        if (removed == 0) {
            throw new AdsException.NotFound("phrase '" + value + "' is not on the blacklist");
        }
        changed();
    }

    private static String normalise(Phrase phrase) {
        String value = Validation.text(phrase == null ? null : phrase.phrase(), "phrase").strip()
                .toLowerCase(java.util.Locale.ROOT);
        if (value.length() > MAX_PHRASE) {
            throw new AdsException.Invalid("phrase is longer than " + MAX_PHRASE + " characters");
        }
        return value;
    }

    private void changed() {
        snapshot = null;
        bus.publish(CHANGED);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && System.currentTimeMillis() - s.loadedAt() < MAX_AGE_MILLIS) {
            return s;
        }
        s = load();
        snapshot = s;
        return s;
    }

    private Snapshot load() {
        return jdbc.read(c -> {
            boolean enabled;
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT enabled FROM ad_moderation_setting WHERE id = 1")) {
                enabled = rs.next() && rs.getBoolean(1);
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT phrase FROM ad_blacklist ORDER BY phrase")) {
                while (rs.next()) {
                    String phrase = rs.getString(1);
                    entries.add(new Entry(phrase, TextMatcher.stems(phrase)));
                }
            }
            return new Snapshot(enabled, entries, System.currentTimeMillis());
        });
    }
}
