package org.insigne.issuer.award;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The columns the public page needs, read in one query over award, badge class and organisation. */
record PublicAwardRow(UUID id, UUID badgeClassId, String badgeName, String badgeDescription,
                      String criteriaMarkdown, String level, @Nullable String evidenceUrl,
                      @Nullable String evidenceNarrative, UUID organisationId, String issuerName,
                      @Nullable String issuerWebsite, Instant issuedOn, @Nullable Instant expiresAt,
                      @Nullable Instant revokedAt, @Nullable String revocationReason,
                      @Nullable String imageMediaType) {
}
