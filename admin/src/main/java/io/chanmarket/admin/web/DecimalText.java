package io.chanmarket.admin.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Posted text that, when given, is a decimal within [{@link #min()}, {@link #max()}] with at most two decimals ("," is
 * accepted as the decimal separator, spaces between digit groups are ignored): blank passes; text that is no number
 * breaks it with {@code error.number}, a number out of range or too precise with {@code error.range}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Constraint(validatedBy = {})
public @interface DecimalText {

    String min();

    String max();

    String message() default "error.range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
