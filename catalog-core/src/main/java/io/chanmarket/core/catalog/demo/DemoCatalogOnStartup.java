package io.chanmarket.core.catalog.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** With {@code app.catalog.demo-data=true}, an empty catalog is filled with demo data at start-up. */
@Singleton
@Requires(property = "app.catalog.demo-data", value = "true")
class DemoCatalogOnStartup {

    private final DemoCatalog demo;

    DemoCatalogOnStartup(DemoCatalog demo) {
        this.demo = demo;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        demo.seedIfEmpty();
    }
}
