package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** No such organisation, or none the user belongs to: the two are not told apart. */
public final class OrganisationNotFound extends DomainException {
    public OrganisationNotFound(OrganisationId id) {
        super(Kind.NOT_FOUND, "error.organisation.not-found", id.value());
    }
}
