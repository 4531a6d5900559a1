package org.insigne.issuer.award;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** One badge awarded to one person, with the signed documents as issued; it can be revoked once. */
@Entity
@Table(name = "award")
class Award {

    @Id
    private UUID id;

    private UUID organisationId;

    private UUID badgeClassId;

    private UUID formToken;

    private String recipientEmail;

    private String recipientName;

    private String level;

    private @Nullable String evidenceUrl;

    private @Nullable String evidenceNarrative;

    private Instant issuedOn;

    private @Nullable Instant expiresAt;

    private byte[] ob2Assertion;

    private byte[] ob3Credential;

    private UUID awardedBy;

    private Instant createdAt;

    private @Nullable Instant revokedAt;

    private @Nullable String revocationReason;

    /** Bit of the organisation's status lists; null for awards made before credentials carried one. */
    private @Nullable Integer statusListIndex;

    private @Nullable Instant claimedAt;

    @Version
    private long version;

    protected Award() {
        // for JPA
    }

    Award(AwardId id, OrganisationId organisation, BadgeClassId badgeClass, AwardRequest request, Instant issuedOn,
          @Nullable Instant expiresAt, SignedDocuments documents, int statusListIndex, UUID awardedBy, Instant now) {
        this.id = id.value();
        this.organisationId = organisation.value();
        this.badgeClassId = badgeClass.value();
        this.formToken = request.formToken();
        this.recipientEmail = request.recipientEmail();
        this.recipientName = request.recipientName();
        this.level = request.level();
        this.evidenceUrl = request.evidenceUrl();
        this.evidenceNarrative = request.evidenceNarrative();
        this.issuedOn = issuedOn;
        this.expiresAt = expiresAt;
        this.ob2Assertion = documents.ob2Assertion();
        this.ob3Credential = documents.ob3Credential();
        this.statusListIndex = statusListIndex;
        this.awardedBy = awardedBy;
        this.createdAt = now;
    }

    AwardId id() {
        return new AwardId(id);
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    BadgeClassId badgeClassId() {
        return new BadgeClassId(badgeClassId);
    }

    byte[] ob2Assertion() {
        return ob2Assertion.clone();
    }

    byte[] ob3Credential() {
        return ob3Credential.clone();
    }

    @Nullable Integer statusListIndex() {
        return statusListIndex;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    @Nullable String revocationReason() {
        return revocationReason;
    }

    @Nullable Instant revokedAt() {
        return revokedAt;
    }

    /** Withdraws the badge; refused the second time so that the first reason and date stand. */
    void revoke(String reason, Instant now) {
        if (revokedAt != null) {
            throw new AwardAlreadyRevoked(id());
        }
        this.revokedAt = now;
        this.revocationReason = reason;
    }

    /** Notes the first time the earner claimed the badge; false when it was claimed already. */
    boolean markClaimed(Instant now) {
        if (claimedAt != null) {
            return false;
        }
        this.claimedAt = now;
        return true;
    }

    AwardView view(boolean created) {
        return new AwardView(id(), organisationId(), badgeClassId(), recipientName, recipientEmail, level,
                evidenceUrl, evidenceNarrative, issuedOn, expiresAt, revokedAt, revocationReason, created);
    }
}
