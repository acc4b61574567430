package io.chanmarket.webapp.ads.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an ad API route (read by {@link AdAccessFilter}). In auth mode {@code open} a route of the contract
 * ({@link #contract()} true) needs no credentials; our additions need {@link #value()} in every mode.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface AdAccess {

    /** The least caller the route needs. */
    Need value();

    /** Whether the route is one of the organizers' contract (open in mode {@code open}). */
    boolean contract() default true;

    /** What a route needs. */
    enum Need {
        /** Nobody in particular (rate-limited where it costs). */
        ANYONE,
        /** The key of the advertiser named by the path's {@code advertiserId}, the operator key or an admin. */
        ADVERTISER,
        /** The operator key or an admin session. */
        OPERATOR
    }
}
