package io.chanmarket.admin.web;

import java.text.MessageFormat;
import java.util.Locale;
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
        return new MessageFormat(get(key), Locale.forLanguageTag(language)).format(args);
    }
}
