package io.chanmarket.admin.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Posted text that, when given, is a whole number within [{@link #min()}, {@link #max()}]: blank passes (pair it with
 * {@code @NotBlank} when required); text that is no number breaks it with {@code error.integer}, a number out of range
 * with {@code error.range}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Constraint(validatedBy = {})
public @interface WholeNumber {

    long min();

    long max();

    String message() default "error.range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
