package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** The change would leave the organisation with nobody who owns it. */
public final class OrganisationWithoutOwner extends DomainException {
    public OrganisationWithoutOwner() {
        super(Kind.CONFLICT, "error.staff.last-owner");
    }
}
