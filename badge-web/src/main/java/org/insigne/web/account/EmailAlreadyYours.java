package org.insigne.web.account;

import org.insigne.core.error.DomainException;

/** The address is already one of the account's. */
public final class EmailAlreadyYours extends DomainException {
    public EmailAlreadyYours() {
        super(Kind.CONFLICT, "error.account.address-already-yours");
    }
}
