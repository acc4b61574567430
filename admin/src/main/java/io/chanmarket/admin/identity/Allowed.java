package io.chanmarket.admin.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an admin route (on a controller or a method; the method wins). {@link Role#ADMIN} is always
 * allowed. A route under {@code /admin} without this annotation is for admins only, unless it is {@link PublicRoute}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Allowed {
    Role[] value();
}
