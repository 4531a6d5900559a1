package org.insigne.issuer.badgeclass;

import org.insigne.core.error.DomainException;

/** No such badge class in this organisation, or the organisation is not the user's: not told apart. */
public final class BadgeClassNotFound extends DomainException {
    public BadgeClassNotFound(BadgeClassId id) {
        super(Kind.NOT_FOUND, "error.badge-class.not-found", id.value());
    }
}
