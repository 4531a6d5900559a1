package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

public final class InvalidOrganisationName extends DomainException {
    public InvalidOrganisationName(int max) {
        super(Kind.INVALID, "error.organisation.name-invalid", max);
    }
}
