package org.praxis.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The message bundle {@code i18n/messages}. A second language is a new
 * {@code messages_xx.properties} and an entry in {@link #LOCALES}, not a code change. Texts with
 * parameters use {@link MessageFormat}; the bundle writes apostrophes as ’ so they need no quoting.
 */
@Component
public class Messages implements I18NProvider {

    public static final String BUNDLE = "i18n/messages";
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = locale == null ? LOCALES.get(0) : locale;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_SYSTEM_FALLBACK).getString(key);
            return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            log.warn("No text for message key '{}' in {}", key, effective);
            return "!" + key + "!";
        }
    }

    /** English text outside a UI (logs, mails before a locale is known). */
    public String text(String key, Object... params) {
        return getTranslation(key, LOCALES.get(0), params);
    }
}
