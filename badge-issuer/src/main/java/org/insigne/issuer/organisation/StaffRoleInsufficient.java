package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** A member of the staff tried something their role does not allow. */
public final class StaffRoleInsufficient extends DomainException {
    public StaffRoleInsufficient() {
        super(Kind.FORBIDDEN, "error.organisation.role-insufficient");
    }
}
