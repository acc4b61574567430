package io.chanmarket.core.ads.clock;

import io.chanmarket.core.platform.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

@Singleton
class ClockRepository {

    private final Jdbc jdbc;

    ClockRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    int currentDay() {
        return jdbc.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT current_day FROM ad_clock WHERE id = 1")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Sets the day unless that would move it back; true when the day is now {@code day}. */
    boolean advance(int day) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("UPDATE ad_clock SET current_day = ? WHERE id = 1 AND current_day <= ?")) {
                ps.setInt(1, day);
                ps.setInt(2, day);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
