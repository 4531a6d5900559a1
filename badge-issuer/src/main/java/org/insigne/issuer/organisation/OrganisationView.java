package org.insigne.issuer.organisation;

import java.time.Instant;

/** An organisation as one member of its staff sees it. */
public record OrganisationView(OrganisationId id, String name, StaffRole role, Instant createdAt) {
}
