package org.insigne.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one e-mail address within
 * {@link #WINDOW}, that address cannot log in until the window has passed. Kept in memory: a restart
 * forgives, which is acceptable for a throttle (it is not an account lock an attacker could use for long).
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isBlocked(String email) {
        Deque<Instant> recent = failures.get(key(email));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= MAX_FAILURES;
        }
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    /** A wrong password for this address, at login or when confirming a sensitive action. */
    void recordFailure(String email) {
        Deque<Instant> recent = failures.computeIfAbsent(key(email), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
            if (recent.size() == MAX_FAILURES) {
                log.warn("Login throttled after {} failures within {}", MAX_FAILURES, WINDOW);
            }
        }
        if (failures.size() > 100_000) {
            // bound memory under a spray of random addresses: the oldest entries matter least
            failures.clear();
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            failures.remove(key(user.email()));
        }
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
