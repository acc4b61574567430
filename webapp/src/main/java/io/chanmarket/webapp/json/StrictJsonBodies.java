package io.chanmarket.webapp.json;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.netty.body.NettyJsonHandler;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;

/** The server's JSON body handler, reading with the {@link StrictJsonMapper} (same media types and order). */
@Factory
class StrictJsonBodies {

    @Singleton
    @Replaces(NettyJsonHandler.class)
    @Order(-10)
    @Consumes({ "application/json", "text/json", "application/hal+json", "application/vnd.github+json",
            "application/feed+json", "application/problem+json", "application/json-patch+json",
            "application/merge-patch+json", "application/schema+json" })
    @Produces({ "application/json", "text/json", "application/hal+json", "application/vnd.github+json",
            "application/feed+json", "application/problem+json", "application/json-patch+json",
            "application/merge-patch+json", "application/schema+json" })
    NettyJsonHandler<Object> strictJsonBodies(SerdeRegistry registry, SerdeConfiguration configuration,
            SerdeJacksonConfiguration jacksonConfiguration) {
        return new NettyJsonHandler<>(new StrictJsonMapper(registry, configuration, jacksonConfiguration));
    }
}
