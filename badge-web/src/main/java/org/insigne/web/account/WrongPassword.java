package org.insigne.web.account;

import org.insigne.core.error.DomainException;

/** The password given to confirm a sensitive action is not the account's. */
public final class WrongPassword extends DomainException {
    public WrongPassword() {
        super(Kind.INVALID, "privacy.delete.wrong-password");
    }
}
