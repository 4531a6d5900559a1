package org.insigne.core.verification;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Resolves check and fetch message keys to French (default) or English text. The bundles ship with the core
 * so that every user of a report, web or not, gets the same wording; the web application also registers
 * {@link #BUNDLES} with its {@code MessageSource}.
 */
public final class CheckMessages {

    /** Resource bundle base names, most specific first. Each has a French default and an {@code _en} twin. */
    public static final List<String> BUNDLES = List.of(
            "org/insigne/core/verification/messages",
            "org/insigne/core/ob2/messages",
            "org/insigne/core/ob3/messages",
            "org/insigne/core/baking/messages");

    private CheckMessages() {
    }

    public static String render(Check check, Locale locale) {
        return render(check.messageKey(), check.args(), locale);
    }

    public static String render(String key, List<Object> args, Locale locale) {
        Locale bundleLocale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle rb = ResourceBundle.getBundle(bundle.replace('/', '.'), bundleLocale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                if (rb.containsKey(key)) {
                    return new MessageFormat(rb.getString(key), bundleLocale).format(args.toArray());
                }
            } catch (MissingResourceException absent) {
                // a bundle a module does not ship yet
            }
        }
        return key;
    }
}
