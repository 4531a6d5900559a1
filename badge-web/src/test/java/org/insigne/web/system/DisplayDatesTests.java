package org.insigne.web.system;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.insigne.core.verification.Check;
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

    @Test
    void saysTheDatesInVerificationMessagesAsDates() {
        DisplayDates paris = new DisplayDates(new DisplayProperties(ZoneId.of("Europe/Paris")));
        Check valid = Check.passed("ob2.expiry", "ob2.expiry.valid-until", "2029-12-07T11:17:41Z");

        assertThat(paris.message(valid, Locale.FRENCH)).isEqualTo("Ce badge est valable jusqu'au 7 décembre 2029.");
        assertThat(paris.message(valid, Locale.ENGLISH)).contains("7 December 2029").doesNotContain("2029-12-07");
        assertThat(paris.inText("Ce badge a expiré le 2026-01-07T00:00:00Z.", Locale.FRENCH))
                .isEqualTo("Ce badge a expiré le 7 janvier 2026.");
        assertThat(paris.inText("https://exemple.fr/badges/2026-01-07", Locale.FRENCH))
                .isEqualTo("https://exemple.fr/badges/2026-01-07");
    }
}
