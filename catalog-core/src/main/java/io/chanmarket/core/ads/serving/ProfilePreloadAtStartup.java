package io.chanmarket.core.ads.serving;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** Starts the first preload of client profiles when the application starts (where there is a database). */
@Singleton
@Requires(beans = DataSource.class)
class ProfilePreloadAtStartup {

    private final Provider<ClientProfiles> profiles;

    ProfilePreloadAtStartup(Provider<ClientProfiles> profiles) {
        this.profiles = profiles;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        profiles.get().schedulePreload();
    }
}
