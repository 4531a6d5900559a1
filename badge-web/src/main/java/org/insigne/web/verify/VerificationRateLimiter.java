package org.insigne.web.verify;

import java.time.Clock;

import org.insigne.web.system.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Caps anonymous verifications per client address and minute ({@code insigne.verify.requests-per-minute}), so
 * that the public page and API cannot be used to make Insigne fetch on someone's behalf at will. Counted by
 * {@link RateLimits} in windows aligned on the clock's minutes; behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that the client's address is the one counted.
 */
@Component
public class VerificationRateLimiter {

    private final RateLimits limits;
    private final Clock clock;

    VerificationRateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts one verification for {@code client}; false when it is over the limit for this minute. */
    public boolean tryAcquire(String client) {
        return limits.tryConsume(RateLimits.Limit.VERIFICATION, client).allowed();
    }

    /** Seconds until the current window ends, for a Retry-After header. */
    public long secondsUntilReset() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
