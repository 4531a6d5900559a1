package org.insigne.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.insigne.web.system.RateLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(new RateLimits(30, 5, 100_000, clock));

    @Test
    void locksAnAccountForTheWindowAfterRepeatedFailures() {
        String email = "Camille@Example.org";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure(email);
        }
        assertThat(throttle.isBlocked(email)).isFalse();
        throttle.recordFailure(" camille@example.org ");
        assertThat(throttle.isBlocked("camille@example.org")).isTrue();

        clock.advance(LoginThrottle.WINDOW.minusSeconds(1));
        assertThat(throttle.isBlocked(email)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked(email)).isFalse();
    }

    @Test
    void keepsTheAccountUnderAttackLockedWhileOtherNamesFloodIn() {
        String attacked = "directrice@ecole.example";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(attacked);
        }
        // More one-off names than the throttle keeps, some of them huge: each costs a hash, and the account
        // under attack, which the attacker keeps trying meanwhile (a login on a locked account asks whether it
        // is blocked), outlives them in the size-bounded store.
        for (int i = 0; i < 120_000; i++) {
            throttle.recordFailure(i % 1000 == 0 ? "x".repeat(100_000) + i : "spray" + i + "@example.org");
            if (i % 1000 == 999) {
                assertThat(throttle.isBlocked(attacked)).isTrue();
            }
        }
        assertThat(throttle.isBlocked(attacked)).isTrue();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
