package io.chanmarket.admin.catalog;

import io.chanmarket.core.catalog.editing.ChannelDraft;
import io.chanmarket.core.catalog.editing.EditableChannel;
import io.chanmarket.core.catalog.editing.GeoShare;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel form as posted: every manual field of the channel card; one form for create and edit. The geo split is
 * one "Country: percent" per line.
 */
@Serdeable
public record ChannelForm(@Nullable String categoryId, @Nullable String username, @Nullable String title,
        @Nullable String description, @Nullable String tgLink, @Nullable String tgstatUrl, @Nullable String telemetrUrl,
        @Nullable String language, @Nullable String country, @Nullable String priceRub, @Nullable String audienceAge,
        @Nullable String genderMalePct, @Nullable String genderFemalePct, @Nullable String geoSplit,
        @Nullable String hidden, @Nullable String version) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static ChannelForm empty() {
        return new ChannelForm("", "", "", "", "", "", "", "ru", "", "", "", "", "", "", "", "0");
    }

    static ChannelForm of(EditableChannel c) {
        String geo = c.geoSplit().stream().map(g -> g.name() + ": " + FormValues.plain(g.pct()))
                .collect(Collectors.joining("\n"));
        return new ChannelForm(FormValues.text(c.categoryId()), FormValues.text(c.username()), c.title(),
                FormValues.text(c.description()), FormValues.text(c.tgLink()), FormValues.text(c.tgstatUrl()),
                FormValues.text(c.telemetrUrl()), FormValues.text(c.language()), FormValues.text(c.country()),
                FormValues.plain(c.priceRub()), FormValues.text(c.audienceAge()), FormValues.plain(c.genderMalePct()),
                FormValues.plain(c.genderFemalePct()), geo, c.hidden() ? "on" : "", String.valueOf(c.version()));
    }

    /** The draft, or null with {@code errors} filled; {@code categoryIds} are the categories that exist. */
    ChannelDraft toDraft(Map<String, String> errors, Set<Long> categoryIds) {
        String name = FormValues.optional(username);
        if (name != null) {
            name = name.startsWith("@") ? name.substring(1) : name;
            if (!name.matches("[A-Za-z0-9_]{5,32}")) {
                errors.put("username", "error.channel-username");
            }
        }
        String t = FormValues.required(errors, "title", title, 200);
        String about = FormValues.optional(errors, "description", description, 4000);
        String link = FormValues.httpsUrl(errors, "tgLink", tgLink);
        if (link != null && !errors.containsKey("tgLink") && !link.startsWith("https://t.me/")) {
            errors.put("tgLink", "error.tme");
        }
        String tgstat = FormValues.httpsUrl(errors, "tgstatUrl", tgstatUrl);
        String telemetr = FormValues.httpsUrl(errors, "telemetrUrl", telemetrUrl);
        if (name != null && !errors.containsKey("username")) {
            link = link == null ? "https://t.me/" + name : link;
            tgstat = tgstat == null ? "https://tgstat.ru/channel/@" + name : tgstat;
            telemetr = telemetr == null ? "https://telemetr.me/@" + name : telemetr;
        }
        String lang = FormValues.optional(language);
        if (lang != null && !lang.matches("[a-z]{2}")) {
            errors.put("language", "error.range");
        }
        String geoCountry = FormValues.optional(errors, "country", country, 100);
        BigDecimal price = FormValues.decimal(errors, "priceRub", priceRub, BigDecimal.ZERO,
                new BigDecimal("1000000000000"));
        String age = FormValues.optional(audienceAge);
        if (age != null && !age.matches("\\d{1,2}\\s*-\\s*\\d{1,2}|\\d{1,2}\\+")) {
            errors.put("audienceAge", "error.age");
        }
        BigDecimal male = FormValues.decimal(errors, "genderMalePct", genderMalePct, BigDecimal.ZERO, HUNDRED);
        BigDecimal female = FormValues.decimal(errors, "genderFemalePct", genderFemalePct, BigDecimal.ZERO, HUNDRED);
        if (male != null && female != null && male.add(female).compareTo(HUNDRED) > 0) {
            errors.put("genderFemalePct", "error.gender-sum");
        }
        List<GeoShare> geo = geo(errors);
        Long category = category(errors, categoryIds);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ChannelDraft(category, name, t, about, link, tgstat, telemetr, lang, geoCountry, price, age, male,
                female, geo, hidden != null && !hidden.isBlank());
    }

    long versionNumber() {
        return FormValues.version(version);
    }

    private Long category(Map<String, String> errors, Set<Long> categoryIds) {
        String value = FormValues.optional(categoryId);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (categoryIds.contains(id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("categoryId", "error.category");
        return null;
    }

    private List<GeoShare> geo(Map<String, String> errors) {
        List<GeoShare> shares = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String line : FormValues.trimmed(geoSplit).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            Map<String, String> lineErrors = new java.util.HashMap<>();
            BigDecimal pct = colon > 0
                    ? FormValues.decimal(lineErrors, "geo", line.substring(colon + 1), BigDecimal.ZERO, HUNDRED) : null;
            String country = colon > 0 ? line.substring(0, colon).trim() : "";
            if (pct == null || country.isEmpty() || country.length() > 100) {
                errors.put("geoSplit", "error.geo");
                return List.of();
            }
            total = total.add(pct);
            shares.add(new GeoShare(country, pct));
        }
        if (total.compareTo(HUNDRED) > 0) {
            errors.put("geoSplit", "error.geo");
            return List.of();
        }
        return shares;
    }
}
