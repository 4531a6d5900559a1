package org.insigne.issuer.award;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.badgeclass.Alignment;
import org.jspecify.annotations.Nullable;

/**
 * One award as its public page shows it to anyone: the badge, the issuer and the award's own facts, never the
 * recipient (the published documents only carry a salted hash of the address). {@code criteriaHtml} is the
 * badge class's criteria already sanitised for a page; {@code imageMediaType} the type of the badge class's
 * image ({@code image/png} or {@code image/svg+xml}), which is also the type of the baked badge.
 *
 * <p>{@code endorsements} are those in force of the badge class and of the issuer; {@code comment} is Markdown.
 * {@code tags} and {@code alignments} are the badge class's, in the order the issuer entered them.
 */
public record PublicAward(AwardId id, UUID badgeClassId, String badgeName, String badgeDescription,
                          String criteriaHtml, String level, @Nullable String evidenceUrl,
                          @Nullable String evidenceNarrative, UUID organisationId, String issuerName,
                          @Nullable String issuerWebsite, Instant issuedOn, @Nullable Instant expiresAt,
                          @Nullable Instant revokedAt, @Nullable String revocationReason,
                          @Nullable String imageMediaType, List<Endorsement> endorsements, List<String> tags,
                          List<Alignment> alignments) {

    /** What the issuer's own records say about this award at {@code now}. */
    public enum Status { VALID, REVOKED, EXPIRED }

    /** An endorsement of the badge class or the issuer (OB 2.0 Endorsement, OB 3.0 EndorsementCredential). */
    public record Endorsement(String endorserName, @Nullable String endorserUrl, @Nullable String comment,
                              @Nullable Instant issuedOn) {
    }

    public PublicAward {
        endorsements = List.copyOf(endorsements);
        tags = List.copyOf(tags);
        alignments = List.copyOf(alignments);
    }

    /** The same award with these endorsements. */
    public PublicAward withEndorsements(List<Endorsement> in) {
        return new PublicAward(id, badgeClassId, badgeName, badgeDescription, criteriaHtml, level, evidenceUrl,
                evidenceNarrative, organisationId, issuerName, issuerWebsite, issuedOn, expiresAt, revokedAt,
                revocationReason, imageMediaType, in, tags, alignments);
    }

    /** Revoked wins over expired: a revocation is the issuer's explicit word and carries a reason. */
    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Status.EXPIRED;
        }
        return Status.VALID;
    }
}
