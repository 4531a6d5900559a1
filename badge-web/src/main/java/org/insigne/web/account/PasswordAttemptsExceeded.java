package org.insigne.web.account;

import org.insigne.core.error.DomainException;

/** Too many wrong passwords for this account lately: a sensitive action waits, like the login form does. */
public final class PasswordAttemptsExceeded extends DomainException {
    public PasswordAttemptsExceeded() {
        super(Kind.FORBIDDEN, "privacy.delete.throttled");
    }
}
