package io.chanmarket.webapp.miniapp;

import jakarta.inject.Singleton;

/** Builds the page frame with the configured script locations. */
@Singleton
class ShellFactory {

    static final String HTMX = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";

    private final MiniAppSettings settings;
    private final SponsoredSettings sponsored;

    ShellFactory(MiniAppSettings settings, SponsoredSettings sponsored) {
        this.settings = settings;
        this.sponsored = sponsored;
    }

    Views.Shell shell(Texts t, boolean filled) {
        return shell(t, filled, false);
    }

    Views.Shell shell(Texts t, boolean filled, boolean preview) {
        return new Views.Shell(t, settings.telegramScript(), HTMX, filled, sponsored.enabled(), preview);
    }
}
