package io.chanmarket.webapp.ops;

import io.chanmarket.core.platform.metrics.AppMetrics;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL and Redis answer, every 15 s, as the gauge {@code chanmarket_dependency_up{dependency}} (1 or 0)
 * that the provisioned "database or Redis down" alert reads. Redis is probed only where it is configured.
 */
@Context
class DependencyProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DependencyProbe.class);

    private final DataSource dataSource;
    private final BeanProvider<StatefulRedisConnection<String, String>> redis;
    private final AtomicInteger databaseUp;
    private final AtomicInteger redisUp;

    DependencyProbe(DataSource dataSource, BeanProvider<StatefulRedisConnection<String, String>> redis,
            AppMetrics metrics) {
        // the raw pool, not the transaction-aware proxy (which wants a transaction or a bound connection)
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.redis = redis;
        this.databaseUp = metrics.dependency("database");
        this.redisUp = redis.isPresent() ? metrics.dependency("redis") : null;
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "5s")
    void probe() {
        databaseUp.set(database() ? 1 : 0);
        if (redisUp != null) {
            redisUp.set(redis() ? 1 : 0);
        }
    }

    private boolean database() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (Exception e) {
            LOG.debug("Database probe failed: {}", e.toString());
            return false;
        }
    }

    private boolean redis() {
        try {
            return "PONG".equals(redis.get().sync().ping());
        } catch (RuntimeException e) {
            LOG.debug("Redis probe failed: {}", e.toString());
            return false;
        }
    }
}
