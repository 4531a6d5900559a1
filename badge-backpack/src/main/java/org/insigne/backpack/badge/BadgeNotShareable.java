package org.insigne.backpack.badge;

import org.insigne.core.error.DomainException;

/**
 * The badge names an address its owner has not confirmed ({@link RecipientStatus#NOT_CONFIRMED}): it cannot be
 * made public, since nothing shows yet that it is theirs.
 */
public final class BadgeNotShareable extends DomainException {
    public BadgeNotShareable() {
        super(Kind.CONFLICT, "backpack.error.recipient-not-confirmed");
    }
}
