package org.insigne.web.account;

import java.time.Duration;

import org.insigne.web.system.RateLimits;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one e-mail address within
 * {@link #WINDOW} of the first, that address cannot log in until the window has passed. Counted by
 * {@link RateLimits} in memory: a restart forgives, which is acceptable for a throttle (it is not an account
 * lock an attacker could use for long). Only a hash of the normalised address is kept, so that whatever an
 * attacker types as a user name costs the same few bytes and is not stored.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = RateLimits.LOGIN_FAILURES;
    static final Duration WINDOW = RateLimits.LOGIN_WINDOW;

    private final RateLimits limits;

    LoginThrottle(RateLimits limits) {
        this.limits = limits;
    }

    boolean isBlocked(String email) {
        return limits.isExhausted(RateLimits.Limit.LOGIN_FAILURE, key(email));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    /** A wrong password for this address, at login or when confirming a sensitive action. */
    void recordFailure(String email) {
        limits.tryConsume(RateLimits.Limit.LOGIN_FAILURE, key(email));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            limits.reset(RateLimits.Limit.LOGIN_FAILURE, key(user.email()));
        }
    }

    private static String key(String email) {
        return AccountService.hash(AccountService.normalise(email));
    }
}
