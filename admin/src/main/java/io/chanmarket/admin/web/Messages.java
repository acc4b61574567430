package io.chanmarket.admin.web;

import io.chanmarket.core.platform.i18n.Languages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The admin panel's UI texts ({@code i18n/admin*.properties}, Russian default and English). The language comes from the
 * {@value #LANGUAGE_COOKIE} cookie (the switch in the header), else from {@code Accept-Language}, else Russian.
 */
@Singleton
public class Messages {

    public static final String LANGUAGE_COOKIE = "cm_admin_lang";
    public static final String BUNDLE = "i18n.admin";

    private final Texts russian = new Texts("ru", ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
    private final Texts english = new Texts("en", ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH));

    public Texts forRequest(HttpRequest<?> request) {
        String chosen = request.getCookies().findCookie(LANGUAGE_COOKIE).map(Cookie::getValue).orElse(null);
        if (chosen != null && Languages.supported(chosen)) {
            return forLanguage(chosen);
        }
        String header = request.getHeaders().get("Accept-Language");
        if (header != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (Languages.supported(lang)) {
                        return forLanguage(lang);
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header: fall back to the default language
            }
        }
        return russian;
    }

    public Texts forLanguage(String language) {
        return "en".equals(language) ? english : russian;
    }
}
