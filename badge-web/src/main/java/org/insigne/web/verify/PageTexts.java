package org.insigne.web.verify;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The application's messages for pages written in Java ({@link BadgeCardHtml}, the public badge page). A
 * message without arguments is resolved once per language and kept: the bundles are read once and never
 * reloaded ({@code spring.messages.cache-duration} is not set), so a kept text cannot go stale, and
 * resolving goes through a {@code MessageFormat} that is locked while it formats, which the public badge
 * page would otherwise do some thirty times per view on every request thread.
 */
@Component
public class PageTexts {

    private final MessageSource messages;
    private final Map<Locale, Map<String, String>> plain = new ConcurrentHashMap<>();

    public PageTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The message {@code key} in {@code locale}; an unknown key fails, as it would in a template. */
    public String get(String key, Locale locale) {
        return plain.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> messages.getMessage(k, null, locale));
    }

    /** The message {@code key} with its arguments, formatted each time. */
    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
