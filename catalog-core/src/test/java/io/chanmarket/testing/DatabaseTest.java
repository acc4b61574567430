package io.chanmarket.testing;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * Mix into a {@code @MicronautTest(transactional = false)} class to run it against this run's PostgreSQL and, when
 * there is one, Redis (see {@link TestInfrastructure}). Override {@link #extraProperties()} for test-specific settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface DatabaseTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(TestInfrastructure.properties());
        props.putAll(extraProperties());
        return props;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
