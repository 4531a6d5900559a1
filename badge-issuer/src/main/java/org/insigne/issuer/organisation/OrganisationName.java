package org.insigne.issuer.organisation;

/** An organisation as a list to pick from names it. */
public record OrganisationName(OrganisationId id, String name) {
}
