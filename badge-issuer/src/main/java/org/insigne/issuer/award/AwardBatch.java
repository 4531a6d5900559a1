package org.insigne.issuer.award;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.insigne.core.ob2.IdentityObject;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.organisation.OrganisationProfileView;

/**
 * Everything needed to sign many awards of one badge class, loaded and checked once (role, published badge
 * class, issuer profile, decrypted keys). {@link #sign} is pure computation and safe to call from several
 * threads at once; {@link AwardService#store} then saves the results in one statement batch.
 */
public final class AwardBatch {

    private final BadgeClassView badgeClass;
    private final PublicBadgeClass hosted;
    private final OrganisationProfileView issuer;
    private final OrganisationKeys keys;
    private final HostedUrls urls;
    private final UUID awardedBy;
    private final StatusLists statusLists;
    private final Clock clock;

    AwardBatch(BadgeClassView badgeClass, PublicBadgeClass hosted, OrganisationProfileView issuer,
               OrganisationKeys keys, HostedUrls urls, UUID awardedBy, StatusLists statusLists, Clock clock) {
        this.statusLists = statusLists;
        this.badgeClass = badgeClass;
        this.hosted = hosted;
        this.issuer = issuer;
        this.keys = keys;
        this.urls = urls;
        this.awardedBy = awardedBy;
        this.clock = clock;
    }

    public BadgeClassView badgeClass() {
        return badgeClass;
    }

    /**
     * Reserves {@code count} consecutive bits of the organisation's Bitstring Status List for the next awards of
     * this batch, in one round trip whatever the count, and answers the first. A bit reserved for an award that
     * is then refused or found already made stays unused: a gap in the list, never a shared bit.
     */
    public int reserveStatusIndices(int count) {
        return statusLists.allocate(badgeClass.organisation().id(), keys.ed25519Id(), count);
    }

    /**
     * Builds and signs both documents of one award, its credential pointing at bit {@code statusIndex} (from
     * {@link #reserveStatusIndices}), refusing (with {@link InvalidAward}) what the single award form refuses:
     * an unknown level, missing required evidence, a date in the future.
     */
    public PreparedAward sign(AwardRequest request, IdempotencyKey key, int statusIndex) {
        Instant now = clock.instant();
        AwardDates dates = AwardDates.checked(badgeClass, request, now);
        Instant issuedOn = dates.issuedOn();
        Instant expires = dates.expires();
        AwardId id = new AwardId(UUID.randomUUID());
        IdentityObject recipient = IdentityObject.hashedEmail(request.recipientEmail());
        SignedDocuments documents = new SignedDocuments(
                AwardDocuments.ob2Assertion(id.value(), hosted, request, recipient, issuedOn, expires, urls),
                AwardDocuments.ob3Credential(id.value(), hosted, issuer, request, recipient, issuedOn, expires, keys,
                        now, urls, StatusLists.entry(badgeClass.organisation().id(), statusIndex, urls)));
        return new PreparedAward(id, badgeClass.organisation().id(), badgeClass.id(), request, key, issuedOn,
                expires, documents, statusIndex, awardedBy, now);
    }
}
