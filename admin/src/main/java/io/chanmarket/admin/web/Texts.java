package io.chanmarket.admin.web;

import io.chanmarket.core.platform.i18n.Languages;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI texts of one language. */
public record Texts(String language, ResourceBundle bundle) {

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
    }

    public String get(String key, Object... args) {
        return Languages.format(get(key), language, args);
    }
}
