package org.insigne.issuer.badgeclass;

import org.insigne.core.error.DomainException;

/** A badge class field holds a value that cannot be kept (missing, too long, out of range…). */
public final class InvalidBadgeClass extends DomainException {

    private final String field;

    public InvalidBadgeClass(String field) {
        super(Kind.INVALID, "error.badge-class." + field);
        this.field = field;
    }

    /** The field at fault, as named in the message key. */
    public String field() {
        return field;
    }
}
