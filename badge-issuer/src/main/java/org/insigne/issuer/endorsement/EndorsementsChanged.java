package org.insigne.issuer.endorsement;

import org.insigne.issuer.organisation.OrganisationId;

/**
 * An endorsement of {@code endorsed} (the organisation itself or one of its badge classes) was published or
 * withdrawn: published inside that transaction, so that what shows the organisation's badges (the public badge
 * page's cache) can forget them once it commits.
 */
public record EndorsementsChanged(OrganisationId endorsed) {
}
