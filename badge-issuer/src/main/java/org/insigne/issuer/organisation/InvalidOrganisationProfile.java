package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** A profile field holds a value the organisation's badges could not carry (too long, not a web address…). */
public final class InvalidOrganisationProfile extends DomainException {
    public InvalidOrganisationProfile(String field) {
        super(Kind.INVALID, "error.organisation.profile." + field);
    }
}
