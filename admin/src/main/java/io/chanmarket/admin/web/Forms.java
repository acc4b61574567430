package io.chanmarket.admin.web;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.Validator;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's one way from a posted form to field errors: a form is a record of the posted texts whose components carry
 * jakarta.validation constraints, each with the message key the page shows ({@code @NotBlank(message =
 * "error.required")}). {@link #errors} checks it and answers, per field in the record's order, the key of its most
 * basic broken constraint (required before too long before not a number before out of range); checks that need the
 * database (a slug taken, a category that does not exist) follow in the feature.
 */
@Singleton
public class Forms {

    private static final List<String> FIRST = List.of("error.required", "error.too-long", "error.integer",
            "error.number", "error.range");

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
