package org.insigne.issuer.badgeclass;

import org.insigne.issuer.organisation.OrganisationId;

/** A badge class as badges show it to anyone: published or archived, never a draft. */
public record PublicBadgeClass(BadgeClassId id, OrganisationId organisation, BadgeClassContent content,
                               String criteriaHtml, BadgeClassStatus status) {
}
