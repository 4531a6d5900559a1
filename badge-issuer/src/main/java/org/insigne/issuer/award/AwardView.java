package org.insigne.issuer.award;

import java.time.Instant;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * An award as its organisation's staff sees it. {@code created} is false when the request repeated an award
 * already made from the same form, so that the earner is not notified twice.
 */
public record AwardView(AwardId id, OrganisationId organisation, BadgeClassId badgeClass, String recipientName,
                        String recipientEmail, String level, @Nullable String evidenceUrl,
                        @Nullable String evidenceNarrative, Instant issuedOn, @Nullable Instant expiresAt,
                        @Nullable Instant revokedAt, @Nullable String revocationReason, boolean created) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
