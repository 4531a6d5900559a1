package org.insigne.issuer.award;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.publishing.StatusLists;

/**
 * Everything needed to sign many awards of one badge class, loaded and checked once (role, published badge
 * class, issuer profile, decrypted keys). {@link #sign} is pure computation and safe to call from several
 * threads at once; {@link AwardService#store} then saves the results in one statement batch.
 */
public final class AwardBatch {

    private final AwardSigning signing;
    private final UUID awardedBy;
    private final StatusLists statusLists;
    private final Clock clock;

    AwardBatch(AwardSigning signing, UUID awardedBy, StatusLists statusLists, Clock clock) {
        this.signing = signing;
        this.awardedBy = awardedBy;
        this.statusLists = statusLists;
        this.clock = clock;
    }

    public BadgeClassView badgeClass() {
        return signing.badgeClass();
    }

    /**
     * Reserves {@code count} consecutive bits of the organisation's Bitstring Status List for the next awards of
     * this batch, in one round trip whatever the count, and answers the first. A bit reserved for an award that
     * is then refused or found already made stays unused: a gap in the list, never a shared bit.
     */
    public int reserveStatusIndices(int count) {
        return statusLists.allocate(badgeClass().organisation().id(), signing.keys().ed25519Id(), count);
    }

    /**
     * Builds and signs both documents of one award, its credential pointing at bit {@code statusIndex} (from
     * {@link #reserveStatusIndices}), refusing (with {@link InvalidAward}) what the single award form refuses:
     * an unknown level, missing required evidence, a date in the future.
     */
    public PreparedAward sign(AwardRequest request, IdempotencyKey key, int statusIndex) {
        Instant now = clock.instant();
        AwardDates dates = AwardDates.checked(badgeClass(), request, now);
        AwardId id = new AwardId(UUID.randomUUID());
        return new PreparedAward(id, badgeClass().organisation().id(), badgeClass().id(), request, key,
                dates.issuedOn(), dates.expires(), signing.documents(id, request, dates, statusIndex, now), statusIndex,
                awardedBy, now);
    }
}
