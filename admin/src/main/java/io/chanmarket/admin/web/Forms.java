package io.chanmarket.admin.web;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.Validator;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's one way from a posted form to field errors: a form is a record of the posted texts whose components carry
 * jakarta.validation constraints, each with the message key the page shows ({@code @NotBlank(message =
 * "error.required")}). {@link #errors} checks it and answers, per field in the record's order, the key of its most
 * basic broken constraint (required, too long, not a number, out of range, not an address, then the field's own rules);
 * checks that need the database (a slug taken, a category that does not exist) follow in the feature.
 */
@Singleton
public class Forms {

    private static final List<String> FIRST = List.of("error.required", "error.too-long", "error.integer",
            "error.number", "error.range", "error.url");

    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    /**
     * Field → message key for every field that breaks a constraint of {@code groups} (none named: the default ones);
     * empty when the form is valid.
     */
    public <T extends Record> Map<String, String> errors(T form, Class<?>... groups) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            byField.put(component.getName(), null);
        }
        for (ConstraintViolation<T> violation : validator.validate(form, groups)) {
            String field = field(violation.getPropertyPath());
            if (field == null || field.isEmpty()) {
                continue; // a rule between fields names the field it breaks; nothing else is shown
            }
            String key = violation.getMessage();
            String known = byField.get(field);
            if (known == null || rank(key) < rank(known)) {
                byField.put(field, key);
            }
        }
        byField.values().removeIf(key -> key == null);
        return byField;
    }

    private static String field(Path path) {
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last;
    }

    private static int rank(String key) {
        int at = FIRST.indexOf(key);
        return at < 0 ? FIRST.size() : at;
    }

    /** The decimal in posted text ("," as the separator, spaces ignored); null when blank; fails when no number. */
    public static BigDecimal decimal(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.').replace(" ", "");
        return t.isEmpty() ? null : new BigDecimal(t);
    }

    /** Whether {@code number} lies within [{@code min}, {@code max}] with at most two decimals. */
    public static boolean within(BigDecimal number, BigDecimal min, BigDecimal max) {
        return number.scale() <= 2 && number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    }

    /** The decimal in {@code text} when it is one within [{@code min}, {@code max}] ({@link #within}), else null. */
    public static BigDecimal decimalWithin(String text, BigDecimal min, BigDecimal max) {
        try {
            BigDecimal number = decimal(text);
            return number != null && within(number, min, max) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Checks {@link DecimalText}. */
    @Singleton
    static class DecimalTextValidator implements ConstraintValidator<DecimalText, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, AnnotationValue<DecimalText> annotation,
                ConstraintValidatorContext context) {
            BigDecimal number;
            try {
                number = decimal(value == null ? null : value.toString());
            } catch (NumberFormatException e) {
                context.messageTemplate("error.number");
                return false;
            }
            return number == null || within(number, new BigDecimal(annotation.stringValue("min").orElse("0")),
                    new BigDecimal(annotation.stringValue("max").orElse("0")));
        }
    }

    /** Checks {@link WholeNumber}. */
    @Singleton
    static class WholeNumberValidator implements ConstraintValidator<WholeNumber, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, AnnotationValue<WholeNumber> annotation,
                ConstraintValidatorContext context) {
            String text = value == null ? "" : value.toString().strip();
            if (text.isEmpty()) {
                return true;
            }
            long number;
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                context.messageTemplate("error.integer");
                return false;
            }
            return number >= annotation.longValue("min").orElse(Long.MIN_VALUE)
                    && number <= annotation.longValue("max").orElse(Long.MAX_VALUE);
        }
    }
}
