package io.chanmarket.webapp.miniapp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Mini App's sponsored card and viewer profile form ({@code app.miniapp.sponsored.*}); off by default, so the ad
 * engine sees Mini App viewers only when this is switched on.
 *
 * @param enabled
 *            show one sponsored card on the home and category pages, and the profile form
 *            ({@code APP_MINIAPP_SPONSORED_ENABLED})
 */
@ConfigurationProperties("app.miniapp.sponsored")
public record SponsoredSettings(@Bindable(defaultValue = "false") boolean enabled) {
}
