package org.insigne.issuer.organisation;

/**
 * An organisation's public profile (name, website, logo) changed: published inside that transaction, so that
 * what shows the organisation as an issuer (the public badge page's cache) can forget it once it commits.
 */
public record OrganisationProfileChanged(OrganisationId organisation) {
}
