package io.chanmarket.webapp.miniapp;

import io.chanmarket.core.platform.db.DatabaseBusy;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link PoolShare} handler when one of the Mini App's places is free within the pool's connection timeout, and
 * turns a busy database ({@link DatabaseBusy}) into {@link MiniAppProblem.Busy}. Within its place it also records that
 * the request's {@link MiniAppUser} was seen (a database write kept out of argument binding, which runs on the event
 * loop). It runs on the blocking executor (the handlers are {@code @ExecuteOn(BLOCKING)}), so its wait never holds an
 * event-loop thread.
 */
@Singleton
@InterceptorBean(PoolShare.class)
class PoolShareInterceptor implements MethodInterceptor<Object, Object> {

    private final Semaphore places;
    private final long waitMillis;
    private final MiniAppAuth auth;

    PoolShareInterceptor(MiniAppAuth auth, @Value("${app.miniapp.pool-share:16}") int places,
            @Value("${datasources.default.connection-timeout:2000}") long waitMillis) {
        this.places = new Semaphore(Math.max(1, places), true);
        this.waitMillis = waitMillis;
        this.auth = auth;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        boolean placed;
        try {
            placed = places.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MiniAppProblem.Busy();
        }
        if (!placed) {
            throw new MiniAppProblem.Busy();
        }
        try {
            for (Object argument : context.getParameterValues()) {
                if (argument instanceof MiniAppUser user) {
                    auth.seen(user);
                }
            }
            return context.proceed();
        } catch (RuntimeException e) {
            if (DatabaseBusy.is(e)) {
                throw new MiniAppProblem.Busy();
            }
            throw e;
        } finally {
            places.release();
        }
    }
}
