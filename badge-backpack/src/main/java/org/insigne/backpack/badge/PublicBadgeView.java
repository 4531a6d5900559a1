package org.insigne.backpack.badge;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.insigne.core.verification.Check;
import org.jspecify.annotations.Nullable;

/**
 * A badge its owner made public, as anyone sees it: about the badge only, nothing about its owner.
 * {@code lastChecks} are the checks of the last verification, without the recipient checks (whose messages
 * name the owner's address), so that pages can say why a badge is revoked, expired or not valid.
 */
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
        Instant lastCheckedAt,
        List<Check> lastChecks,
        @Nullable String level,
        BadgeExtras extras) {

    public PublicBadgeView {
        lastChecks = List.copyOf(lastChecks);
    }

    /** What anyone may see of a badge its owner made public. */
    public static PublicBadgeView of(StoredBadgeView badge) {
        return new PublicBadgeView(badge.publicId(), badge.name(), badge.issuerName(), badge.description(),
                badge.criteriaNarrative(), badge.criteriaUrl(), badge.issuedOn(), badge.expires(), badge.hasImage(),
                badge.status(), badge.lastCheckedAt(),
                badge.lastChecks().stream().filter(c -> !c.id().contains("recipient")).toList(), badge.level(),
                badge.extras());
    }
}
