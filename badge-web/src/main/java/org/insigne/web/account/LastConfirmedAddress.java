package org.insigne.web.account;

import org.insigne.core.error.DomainException;

/** The login address cannot go while no other confirmed address could take its place. */
public final class LastConfirmedAddress extends DomainException {
    public LastConfirmedAddress() {
        super(Kind.CONFLICT, "error.account.last-confirmed-address");
    }
}
