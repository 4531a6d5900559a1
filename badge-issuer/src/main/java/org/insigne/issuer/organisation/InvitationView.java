package org.insigne.issuer.organisation;

import java.time.Instant;

/** An open invitation as its recipient sees it before accepting. */
public record InvitationView(OrganisationId organisationId, String organisationName, String email, StaffRole role,
                             Instant expiresAt) {
}
