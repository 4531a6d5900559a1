package org.insigne.issuer.award;

import java.time.Instant;
import java.util.List;

import org.insigne.core.ob2.IdentityObject;
import org.insigne.core.ob2.Ob2DocumentWriter;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.OrganisationKeys;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.StatusLists;
import org.jspecify.annotations.Nullable;

/**
 * What signing awards of one badge class needs, loaded and checked once (role, published badge class, issuer
 * profile, decrypted keys), for one award from the form as for the thousands of a bulk job.
 */
record AwardSigning(BadgeClassView badgeClass, PublicBadgeClass hosted, OrganisationProfileView issuer,
                    OrganisationKeys keys, HostedUrls urls, List<byte[]> achievementEndorsements,
                    @Nullable String applyLink) {

    /**
     * Builds and signs both documents of award {@code id}, dated by {@code dates} (already checked), its
     * credential pointing at bit {@code statusIndex} of the organisation's status lists. Pure computation.
     */
    SignedDocuments documents(AwardId id, AwardRequest request, AwardDates dates, int statusIndex, Instant now) {
        return documents(id, request, List.of(), dates, statusIndex, now);
    }

    /** As above, the documents also carrying {@code moreEvidence} after the request's own. */
    SignedDocuments documents(AwardId id, AwardRequest request, List<EvidenceLink> moreEvidence, AwardDates dates,
                              int statusIndex, Instant now) {
        return documents(id, request, moreEvidence, null, dates, statusIndex, now);
    }

    /**
     * As above, the documents also carrying the earner's own {@code narrative} (when not null): the OB 2.0
     * assertion's {@code narrative} and the OB 3.0 {@code credentialSubject.narrative}.
     */
    SignedDocuments documents(AwardId id, AwardRequest request, List<EvidenceLink> moreEvidence,
                              @Nullable String narrative, AwardDates dates, int statusIndex, Instant now) {
        IdentityObject recipient = IdentityObject.hashedEmail(request.recipientEmail());
        return new SignedDocuments(
                Ob2DocumentWriter.withNarrative(AwardDocuments.ob2Assertion(id.value(), hosted, request, moreEvidence,
                        recipient, dates.issuedOn(), dates.expires(), urls), narrative),
                AwardDocuments.ob3Credential(id.value(), hosted, issuer, request, moreEvidence, recipient, dates.issuedOn(),
                        dates.expires(), keys, now, urls,
                        StatusLists.entry(badgeClass.organisation().id(), statusIndex, urls), achievementEndorsements,
                        applyLink, narrative));
    }

    @Override
    public String toString() {
        return "AwardSigning[" + badgeClass.id().value() + ", " + keys + "]";
    }
}
