package org.insigne.web.account;

import org.insigne.core.error.DomainException;

/** The address is not one of the account's (or no longer). */
public final class EmailAddressNotFound extends DomainException {
    public EmailAddressNotFound() {
        super(Kind.NOT_FOUND, "error.account.address-not-found");
    }
}
