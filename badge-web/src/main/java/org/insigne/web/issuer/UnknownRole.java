package org.insigne.web.issuer;

import org.insigne.core.error.DomainException;

/** A role that is none of owner, administrator, awarder or viewer was sent. */
final class UnknownRole extends DomainException {
    UnknownRole() {
        super(Kind.INVALID, "error.staff.role-unknown");
    }
}
