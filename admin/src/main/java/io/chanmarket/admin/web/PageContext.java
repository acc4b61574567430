package io.chanmarket.admin.web;

import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Role;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What every admin page needs besides its own data: texts, the signed-in account (if any) and its CSRF token, and
 * formatting of times (in the admin's time zone, with a relative form), numbers and money by the page's language.
 */
public record PageContext(Texts texts, @Nullable AdminPrincipal user, ZoneId zone) {

    private static final DateTimeFormatter RU_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    public PageContext(Texts texts, @Nullable AdminPrincipal user) {
        this(texts, user, ZoneId.of("Europe/Moscow"));
    }

    public Locale locale() {
        return "en".equals(lang()) ? Locale.ENGLISH : Locale.forLanguageTag("ru-RU");
    }

    /** A moment in the admin's time zone, e.g. "03.12.2026 22:31"; empty for null. */
    public String time(@Nullable Instant at) {
        return at == null ? "" : ("en".equals(lang()) ? EN_TIME : RU_TIME).format(at.atZone(zone));
    }

    /** How long ago (or, for the future, in how long), e.g. "5 min ago" / "5 мин назад". */
    public String ago(@Nullable Instant at) {
        if (at == null) {
            return "";
        }
        long seconds = Duration.between(at, Instant.now()).getSeconds();
        boolean future = seconds < 0;
        long s = Math.abs(seconds);
        String amount;
        if (s < 60) {
            return t(future ? "time.in-moments" : "time.just-now");
        } else if (s < 3600) {
            amount = t("time.minutes", s / 60);
        } else if (s < 172_800) { // up to two days in hours: "30 h ago" reads better than "1 day ago"
            amount = t("time.hours", s / 3600);
        } else {
            amount = t("time.days", s / 86_400);
        }
        return t(future ? "time.in" : "time.ago", amount);
    }

    /** Both: "03.12.2026 22:31 (5 мин назад)". */
    public String when(@Nullable Instant at) {
        return at == null ? "" : time(at) + " (" + ago(at) + ")";
    }

    /** A whole number grouped by the language's rules: "12 345" / "12,345". */
    public String num(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** Rubles: "11 500 ₽" / "₽11,500"; kopecks only when there are any. */
    public String rub(@Nullable BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        f.setMinimumFractionDigits(whole ? 0 : 2);
        f.setMaximumFractionDigits(2);
        return "en".equals(lang()) ? "₽" + f.format(amount) : f.format(amount) + " ₽";
    }

    /** Ad engine money (up to 6 decimals, as stored), grouped by the language's rules: "1 234,5 ₽" / "₽1,234.5". */
    public String money(double amount) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(6);
        return "en".equals(lang()) ? "₽" + f.format(amount) : f.format(amount) + " ₽";
    }

    /** A percentage with two decimals by the language's rules: "66,67 %" / "66.67%". */
    public String percent(double percent) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return "en".equals(lang()) ? f.format(percent) + "%" : f.format(percent) + " %";
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, Object... args) {
        return texts.get(key, args);
    }

    public String lang() {
        return texts.language();
    }

    public String csrf() {
        return user == null ? "" : user.csrfToken();
    }

    /** JSON for {@code hx-headers}: every htmx request carries the CSRF token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf() + "\"}";
    }

    public boolean can(Role... roles) {
        return user != null && user.hasAny(roles);
    }

    public boolean isAdmin() {
        return user != null && user.role() == Role.ADMIN;
    }

    /** Catalog editing: admins and managers; moderators only read. */
    public boolean canEditCatalog() {
        return can(Role.MANAGER);
    }
}
