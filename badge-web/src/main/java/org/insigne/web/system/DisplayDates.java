package org.insigne.web.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as pages show them to people: in the reader's language ("7 décembre 2029", "7 December
 * 2029") and in the display time zone ({@code insigne.display.time-zone}); a time always says its zone
 * ("7 décembre 2029, 14:05 CET"). Templates reach it as {@code #display} ({@link DisplayDialect}).
 */
@Component
public class DisplayDates {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");

    private final ZoneId zone;
    private final Map<Locale, DateTimeFormatter> dates = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dateTimes = new ConcurrentHashMap<>();

    DisplayDates(DisplayProperties properties) {
        this.zone = properties.timeZone();
    }

    /** The display time zone ({@code insigne.display.time-zone}). */
    public ZoneId zone() {
        return zone;
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

    /**
     * A verification check's message with the dates among its arguments (the verifiers pass them as ISO
     * strings, "2029-12-07T11:17:41Z") said as {@link #date} says them, so that no raw timestamp sits in a
     * sentence.
     */
    public String message(Check check, Locale locale) {
        List<Object> args = check.args().stream().map(arg -> arg instanceof String text ? dateOrSelf(text, locale) : arg)
                .toList();
        return CheckMessages.render(check.messageKey(), args, locale);
    }

    /** {@code text} (a sentence already written) with each ISO timestamp in it said as {@link #date} says it. */
    public String inText(String text, Locale locale) {
        return ISO_DATE.matcher(text).replaceAll(found -> Matcher.quoteReplacement(dateOrSelf(found.group(), locale)));
    }

    private String dateOrSelf(String text, Locale locale) {
        if (!ISO_DATE.matcher(text).matches()) {
            return text;
        }
        try {
            return date(Instant.parse(text), locale);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return date(OffsetDateTime.parse(text).toInstant(), locale);
            } catch (DateTimeParseException notOffset) {
                return text;
            }
        }
    }

    /** {@code instant} for machines, as a {@code <time datetime>} attribute wants it; empty for none. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private DateTimeFormatter formatter(String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
    }
}
