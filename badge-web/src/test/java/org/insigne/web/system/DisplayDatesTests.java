package org.insigne.web.system;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as people read them: in their language, in the display time zone, a time with its zone. */
class DisplayDatesTests {

    private static final Instant LATE_EVENING = Instant.parse("2029-12-06T23:30:00Z");

    @Test
    void writesTheDayInTheReadersLanguageAndTheDisplayTimeZone() {
        DisplayDates paris = new DisplayDates(new DisplayProperties(ZoneId.of("Europe/Paris")));

        assertThat(paris.date(LATE_EVENING, Locale.FRENCH)).isEqualTo("7 décembre 2029");
        assertThat(paris.date(LATE_EVENING, Locale.ENGLISH)).isEqualTo("7 December 2029");
        assertThat(paris.dateTime(LATE_EVENING, Locale.FRENCH)).isEqualTo("7 décembre 2029, 00:30 CET");
        assertThat(paris.dateTime(Instant.parse("2029-07-14T08:05:00Z"), Locale.ENGLISH))
                .isEqualTo("14 July 2029, 10:05 CEST");
        assertThat(paris.iso(LATE_EVENING)).isEqualTo("2029-12-06T23:30:00Z");
        assertThat(paris.date(null, Locale.FRENCH)).isEmpty();

        DisplayDates montreal = new DisplayDates(new DisplayProperties(ZoneId.of("America/Montreal")));
        assertThat(montreal.date(LATE_EVENING, Locale.FRENCH)).isEqualTo("6 décembre 2029");
    }
}
