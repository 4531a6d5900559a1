package org.insigne.backpack.territory;

import org.insigne.core.error.DomainException;

/** The earner did not tick the consent box: nothing is published without it. */
public final class ConsentNotGiven extends DomainException {
    public ConsentNotGiven() {
        super(Kind.INVALID, "territory.error.consent");
    }
}
