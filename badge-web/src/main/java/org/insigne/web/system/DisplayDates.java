package org.insigne.web.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as pages show them to people: in the reader's language ("7 décembre 2029", "7 December
 * 2029") and in the display time zone ({@code insigne.display.time-zone}); a time always says its zone
 * ("7 décembre 2029, 14:05 CET"). Templates reach it as {@code #display} ({@link DisplayDialect}).
 */
@Component
public class DisplayDates {

    private final ZoneId zone;
    private final Map<Locale, DateTimeFormatter> dates = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dateTimes = new ConcurrentHashMap<>();

    DisplayDates(DisplayProperties properties) {
        this.zone = properties.timeZone();
    }

    /** The day of {@code instant} in the display zone, e.g. "7 décembre 2029"; empty for none. */
    public String date(@Nullable Instant instant, Locale locale) {
        return instant == null ? "" : dates.computeIfAbsent(locale, l -> formatter("d MMMM uuuu", l)).format(instant);
    }

    /** The day and minute of {@code instant} with the zone, e.g. "7 décembre 2029, 14:05 CET"; empty for none. */
    public String dateTime(@Nullable Instant instant, Locale locale) {
        return instant == null ? ""
                : dateTimes.computeIfAbsent(locale, l -> formatter("d MMMM uuuu, HH:mm z", l)).format(instant);
    }

    /** {@code instant} for machines, as a {@code <time datetime>} attribute wants it; empty for none. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private DateTimeFormatter formatter(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
    }
}
