package org.insigne.web.verify;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps anonymous verifications per client address and minute ({@code insigne.verify.requests-per-minute}), so
 * that the public page and API cannot be used to make Insigne fetch on someone's behalf at will. Counted in
 * memory per fixed one-minute window; behind a reverse proxy, set {@code server.forward-headers-strategy} so
 * that the client's address is the one counted.
 */
@Component
public class VerificationRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(VerificationRateLimiter.class);
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    VerificationRateLimiter(@Value("${insigne.verify.requests-per-minute:30}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one verification for {@code client}; false when it is over the limit for this minute. */
    public boolean tryAcquire(String client) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.clear();
        }
        Window window = windows.merge(client, new Window(minute, 1),
                (old, fresh) -> old.minute() == minute ? new Window(minute, old.count() + 1) : fresh);
        if (window.count() == perMinute + 1) {
            log.warn("Verification rate limit reached by one client ({} per minute)", perMinute);
        }
        return window.count() <= perMinute;
    }

    /** Seconds until the current window ends, for a Retry-After header. */
    public long secondsUntilReset() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}
