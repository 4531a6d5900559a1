package org.insigne.issuer.badgeclass;

import org.insigne.core.error.DomainException;

/** The badge class's status does not allow this step (editing an archived one, publishing twice…). */
public final class BadgeClassStatusForbids extends DomainException {
    public BadgeClassStatusForbids(BadgeClassStatus status, String action) {
        super(Kind.CONFLICT, "error.badge-class.status." + action, status.name());
    }
}
