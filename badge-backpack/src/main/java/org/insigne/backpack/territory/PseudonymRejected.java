package org.insigne.backpack.territory;

import org.insigne.core.error.DomainException;

/** The pseudonym is blank, too long, or looks like an e-mail address (which must never be shown). */
public final class PseudonymRejected extends DomainException {
    public PseudonymRejected() {
        super(Kind.INVALID, "territory.error.pseudonym");
    }
}
