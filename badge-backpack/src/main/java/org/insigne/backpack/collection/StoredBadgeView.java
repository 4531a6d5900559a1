package org.insigne.backpack.collection;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.insigne.core.verification.Check;
import org.insigne.core.verification.Spec;
import org.jspecify.annotations.Nullable;

/**
 * A badge in its owner's backpack, as the owner's pages show it. {@code imageUrl} is the issuer's, for
 * reference only: pages show {@code hasImage} images from our own address, never a remote one.
 */
public record StoredBadgeView(
        BadgeId id,
        String publicId,
        boolean shared,
        Spec spec,
        BadgeInput.Kind inputKind,
        String name,
        String issuerName,
        @Nullable String description,
        @Nullable String criteriaNarrative,
        @Nullable URI criteriaUrl,
        @Nullable URI imageUrl,
        @Nullable Instant issuedOn,
        @Nullable Instant expires,
        boolean hasImage,
        VerificationStatus status,
        RecipientStatus recipientStatus,
        List<Check> lastChecks,
        Instant lastCheckedAt,
        Instant importedAt) {

    public StoredBadgeView {
        lastChecks = List.copyOf(lastChecks);
    }
}
