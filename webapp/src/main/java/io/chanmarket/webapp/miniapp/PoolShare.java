package io.chanmarket.webapp.miniapp;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Mini App's share of the connection pool ({@link PoolShareInterceptor}): at most {@code app.miniapp.pool-share} of
 * its requests work with the database at once, so a Mini App stuck on a locked table leaves the rest of the pool to
 * {@code GET /ads}, the admin, the bot and {@code /health}. A request that gets no place within the pool's
 * {@code connection-timeout}, or whose database work times out, ends with {@link MiniAppProblem.Busy} (503 with
 * {@code Retry-After}). See docs/event-loop.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Around
@interface PoolShare {
}
