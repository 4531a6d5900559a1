package org.insigne.backpack.collection;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A badge its owner made public, as anyone sees it: about the badge only, nothing about its owner. */
public record PublicBadgeView(
        String publicId,
        String name,
        String issuerName,
        @Nullable String description,
        @Nullable String criteriaNarrative,
        @Nullable URI criteriaUrl,
        @Nullable Instant issuedOn,
        @Nullable Instant expires,
        boolean hasImage,
        VerificationStatus status,
        Instant lastCheckedAt) {

    /** What anyone may see of a badge its owner made public. */
    public static PublicBadgeView of(StoredBadgeView badge) {
        return new PublicBadgeView(badge.publicId(), badge.name(), badge.issuerName(), badge.description(),
                badge.criteriaNarrative(), badge.criteriaUrl(), badge.issuedOn(), badge.expires(), badge.hasImage(),
                badge.status(), badge.lastCheckedAt());
    }
}
