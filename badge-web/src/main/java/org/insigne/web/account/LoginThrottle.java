package org.insigne.web.account;

import java.time.Duration;

import org.insigne.web.system.RateLimits;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one e-mail address within
 * {@link #WINDOW} of the first, that address cannot log in until the window has passed; a client address that
 * fails too often, whichever accounts it tries, must wait too ({@code insigne.login.failures-per-client}).
 * Counted by {@link RateLimits} in PostgreSQL, so every node and every restart sees the same counts. A user
 * name is cut to {@link #MAX_NAME_LENGTH} characters before anything else: no account has a longer one, and
 * whatever an attacker types costs the same few bytes, of which only a hash is kept.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = RateLimits.LOGIN_FAILURES;
    static final Duration WINDOW = RateLimits.LOGIN_WINDOW;
    /** Longer than any e-mail address (254 characters by RFC 5321), so that no account is ever cut short. */
    static final int MAX_NAME_LENGTH = 320;

    private final RateLimits limits;

    LoginThrottle(RateLimits limits) {
        this.limits = limits;
    }

    boolean isBlocked(String email) {
        return limits.isExhausted(RateLimits.Limit.LOGIN_FAILURE, key(email));
    }

    /** Whether {@code client} (its address as the request gives it) failed too many logins lately. */
    boolean isClientBlocked(String client) {
        return limits.isExhausted(RateLimits.Limit.LOGIN_CLIENT_FAILURE, client);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            recordClientFailure(details.getRemoteAddress());
        }
    }

    /** A wrong password for this address, at login or when confirming a sensitive action. */
    void recordFailure(String email) {
        limits.tryConsume(RateLimits.Limit.LOGIN_FAILURE, key(email));
    }

    /** A failed login from {@code client}, whichever account it named. */
    void recordClientFailure(String client) {
        limits.tryConsume(RateLimits.Limit.LOGIN_CLIENT_FAILURE, client);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            limits.reset(RateLimits.Limit.LOGIN_FAILURE, key(user.email()));
        }
    }

    /** Cut first, so that neither normalising nor hashing ever sees more than a few hundred characters. */
    private static String key(String email) {
        return AccountService.normalise(email.length() > MAX_NAME_LENGTH ? email.substring(0, MAX_NAME_LENGTH) : email);
    }
}
