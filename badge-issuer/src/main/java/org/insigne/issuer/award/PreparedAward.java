package org.insigne.issuer.award;

import java.time.Instant;
import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** One award built and signed by an {@link AwardBatch}, not yet stored. */
public final class PreparedAward {

    final AwardId id;
    final OrganisationId organisation;
    final BadgeClassId badgeClass;
    final AwardRequest request;
    final IdempotencyKey key;
    final Instant issuedOn;
    final @Nullable Instant expiresAt;
    final SignedDocuments documents;
    final int statusListIndex;
    final UUID awardedBy;
    final Instant createdAt;

    PreparedAward(AwardId id, OrganisationId organisation, BadgeClassId badgeClass, AwardRequest request,
                  IdempotencyKey key, Instant issuedOn, @Nullable Instant expiresAt, SignedDocuments documents,
                  int statusListIndex, UUID awardedBy, Instant createdAt) {
        this.statusListIndex = statusListIndex;
        this.id = id;
        this.organisation = organisation;
        this.badgeClass = badgeClass;
        this.request = request;
        this.key = key;
        this.issuedOn = issuedOn;
        this.expiresAt = expiresAt;
        this.documents = documents;
        this.awardedBy = awardedBy;
        this.createdAt = createdAt;
    }

    public AwardId id() {
        return id;
    }

    public IdempotencyKey key() {
        return key;
    }
}
