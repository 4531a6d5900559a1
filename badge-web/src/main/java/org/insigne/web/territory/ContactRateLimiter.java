package org.insigne.web.territory;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Caps the contact messages one client address sends per hour ({@code insigne.territory.contacts-per-hour}), so
 * the form cannot be used to flood earners. Counted in memory per fixed one-hour window, like the verification
 * limiter; behind a reverse proxy, set {@code server.forward-headers-strategy} so the client's address is counted.
 */
@Component
class ContactRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(ContactRateLimiter.class);
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private record Window(long hour, int count) {
    }

    private final int perHour;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    ContactRateLimiter(TerritoryProperties properties, Clock clock) {
        this.perHour = properties.contactsPerHour();
        this.clock = clock;
    }

    /** Counts one message from {@code client}; false when it is over this hour's limit. */
    boolean tryAcquire(String client) {
        long hour = clock.millis() / 3_600_000;
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.clear();
        }
        Window window = windows.merge(client, new Window(hour, 1),
                (old, fresh) -> old.hour() == hour ? new Window(hour, old.count() + 1) : fresh);
        if (window.count() == perHour + 1) {
            log.warn("Territory contact limit reached by one client ({} per hour)", perHour);
        }
        return window.count() <= perHour;
    }
}
