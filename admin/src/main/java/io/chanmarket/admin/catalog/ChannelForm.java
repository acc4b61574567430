package io.chanmarket.admin.catalog;

import io.chanmarket.admin.web.DecimalText;
import io.chanmarket.admin.web.Forms;
import io.chanmarket.core.catalog.editing.ChannelDraft;
import io.chanmarket.core.catalog.editing.EditableChannel;
import io.chanmarket.core.catalog.editing.GeoShare;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel form as posted (texts trimmed): every manual field of the channel card; one form for create and edit,
 * checked by {@link Forms}. The geo split is one "Country: percent" per line. Whether the category exists is asked of
 * the catalog by the controller.
 */
@Serdeable
@Introspected
@ChannelForm.Consistent
public record ChannelForm(@Pattern(regexp = "|[0-9]{1,18}", message = "error.category") @Nullable String categoryId,
        @Pattern(regexp = "|@?[A-Za-z0-9_]{5,32}", message = "error.channel-username") @Nullable String username,
        @NotBlank(message = "error.required") @Size(max = 200, message = "error.too-long") @Nullable String title,
        @Size(max = 4000, message = "error.too-long") @Nullable String description,
        @Pattern(regexp = HTTPS_URL, message = "error.url") @Pattern(regexp = "|https://t\\.me/.*", message = "error.tme") @Nullable String tgLink,
        @Pattern(regexp = HTTPS_URL, message = "error.url") @Nullable String tgstatUrl,
        @Pattern(regexp = HTTPS_URL, message = "error.url") @Nullable String telemetrUrl,
        @Pattern(regexp = "|[a-z]{2}", message = "error.range") @Nullable String language,
        @Size(max = 100, message = "error.too-long") @Nullable String country,
        @DecimalText(min = "0", max = "1000000000000") @Nullable String priceRub,
        @Pattern(regexp = "|\\d{1,2}\\s*-\\s*\\d{1,2}|\\d{1,2}\\+", message = "error.age") @Nullable String audienceAge,
        @DecimalText(min = "0", max = "100") @Nullable String genderMalePct,
        @DecimalText(min = "0", max = "100") @Nullable String genderFemalePct, @Nullable String geoSplit,
        @Nullable String hidden, @Nullable String version) {

    /** Blank, or an https address of at most 500 characters. */
    static final String HTTPS_URL = "|https://[^\\s/$.?#][^\\s]{0,491}";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ChannelForm {
        categoryId = FormValues.trimmed(categoryId);
        username = FormValues.trimmed(username);
        title = FormValues.trimmed(title);
        description = FormValues.trimmed(description);
        tgLink = FormValues.trimmed(tgLink);
        tgstatUrl = FormValues.trimmed(tgstatUrl);
        telemetrUrl = FormValues.trimmed(telemetrUrl);
        language = FormValues.trimmed(language);
        country = FormValues.trimmed(country);
        priceRub = FormValues.trimmed(priceRub);
        audienceAge = FormValues.trimmed(audienceAge);
        genderMalePct = FormValues.trimmed(genderMalePct);
        genderFemalePct = FormValues.trimmed(genderFemalePct);
        geoSplit = FormValues.trimmed(geoSplit);
    }

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

    /** Whether the chosen category (if any) is one of {@code categoryIds}, the categories that exist. */
    boolean categoryExists(Set<Long> categoryIds) {
        return categoryId.isEmpty() || categoryIds.contains(Long.valueOf(categoryId));
    }

    /**
     * The draft of a form that passed its check. A username without links gives the channel its t.me, TGStat and
     * Telemetr addresses.
     */
    ChannelDraft draft() {
        String name = username.isEmpty() ? null : username.startsWith("@") ? username.substring(1) : username;
        String link = orNull(tgLink);
        String tgstat = orNull(tgstatUrl);
        String telemetr = orNull(telemetrUrl);
        if (name != null) {
            link = link == null ? "https://t.me/" + name : link;
            tgstat = tgstat == null ? "https://tgstat.ru/channel/@" + name : tgstat;
            telemetr = telemetr == null ? "https://telemetr.me/@" + name : telemetr;
        }
        return new ChannelDraft(categoryId.isEmpty() ? null : Long.valueOf(categoryId), name, title,
                orNull(description), link, tgstat, telemetr, orNull(language), orNull(country), Forms.decimal(priceRub),
                orNull(audienceAge), Forms.decimal(genderMalePct), Forms.decimal(genderFemalePct), geo(geoSplit),
                hidden != null && !hidden.isBlank());
    }

    long versionNumber() {
        return FormValues.version(version);
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** The geo split's lines as shares, or null when a line is no "Country: percent" or they add up to over 100%. */
    static List<GeoShare> geo(String text) {
        List<GeoShare> shares = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            String country = colon > 0 ? line.substring(0, colon).trim() : "";
            BigDecimal pct = colon > 0 ? Forms.decimalWithin(line.substring(colon + 1), BigDecimal.ZERO, HUNDRED)
                    : null;
            if (pct == null || country.isEmpty() || country.length() > 100) {
                return null;
            }
            total = total.add(pct);
            shares.add(new GeoShare(country, pct));
        }
        return total.compareTo(HUNDRED) > 0 ? null : shares;
    }

    /** The rules between fields: the gender split adds up to at most 100%, the geo split reads as shares. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Constraint(validatedBy = {})
    @interface Consistent {
        String message() default "error.geo";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link Consistent}, each broken rule on its own field. */
    @Singleton
    static class ConsistentValidator implements ConstraintValidator<Consistent, ChannelForm> {
        @Override
        public boolean isValid(ChannelForm form, AnnotationValue<Consistent> annotation,
                ConstraintValidatorContext context) {
            if (form == null) {
                return true;
            }
            boolean valid = true;
            BigDecimal male = Forms.decimalWithin(form.genderMalePct(), BigDecimal.ZERO, HUNDRED);
            BigDecimal female = Forms.decimalWithin(form.genderFemalePct(), BigDecimal.ZERO, HUNDRED);
            if (male != null && female != null && male.add(female).compareTo(HUNDRED) > 0) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("error.gender-sum").addPropertyNode("genderFemalePct")
                        .addConstraintViolation();
                valid = false;
            }
            if (geo(form.geoSplit()) == null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("error.geo").addPropertyNode("geoSplit")
                        .addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
