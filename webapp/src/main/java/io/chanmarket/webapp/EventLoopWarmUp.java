package io.chanmarket.webapp;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Reads at start-up what Micronaut would otherwise read from the jar on the first request that needs it, on an
 * event-loop thread: the file-extension table of static files' content types, and the response factory (found through
 * the jars' service lists). See docs/event-loop.md.
 */
@Singleton
class EventLoopWarmUp {

    @EventListener
    void onStartup(StartupEvent event) {
        MediaType.forExtension("css");
        HttpResponse.ok();
    }
}
