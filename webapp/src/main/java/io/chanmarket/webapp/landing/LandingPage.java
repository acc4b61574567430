package io.chanmarket.webapp.landing;

import io.micronaut.core.annotation.Introspected;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The landing page's model. {@code local}: the visitor is on this machine; {@code preview}: /app opens as the preview
 * user for them (no bot configured); {@code admin}: this node serves the admin panel.
 */
@Introspected
public record LandingPage(LandingPage.LandingTexts t, boolean local, boolean botConfigured, boolean preview,
        String botUsername, boolean admin) {

    /** The model handed to the template: its properties become the template's parameters. */
    @Introspected
    public record View(LandingPage page) {
    }

    /** The page's texts in one language ({@code i18n/landing} bundles). */
    public record LandingTexts(String language, ResourceBundle bundle) {

        public String get(String key) {
            return bundle.getString(key);
        }

        static LandingTexts of(String language) {
            return new LandingTexts(language, ResourceBundle.getBundle("i18n/landing", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }
}
