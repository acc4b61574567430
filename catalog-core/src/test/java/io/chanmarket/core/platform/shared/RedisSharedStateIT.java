package io.chanmarket.core.platform.shared;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chanmarket.testing.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The contracts against the Redis implementations, on this run's Redis (TEST_REDIS_URI or Testcontainers). Skipped, and
 * said so, only where neither exists; CI always has Redis.
 */
class RedisSharedStateIT {

    static RedisClient client;
    static StatefulRedisConnection<String, String> connection;
    static RedisKeys keys;

    @BeforeAll
    static void connect() {
        var uri = TestInfrastructure.redisUri();
        assumeTrue(uri.isPresent(), "no Redis for this run (set TEST_REDIS_URI)");
        client = RedisClient.create(uri.get());
        connection = client.connect();
        keys = new RedisKeys(TestInfrastructure.redisKeyPrefix());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            connection.close();
            client.shutdown();
        }
    }

    @Nested
    class CountersInRedis extends CountersContract {
        private final Counters counters = new RedisCounters(connection, keys);

        @Override
        Counters counters() {
            return counters;
        }
    }

    @Nested
    class LeasesInRedis extends LeasesContract {
        private final Leases leases = new RedisLeases(connection, keys);

        @Override
        Leases leases() {
            return leases;
        }
    }
}
