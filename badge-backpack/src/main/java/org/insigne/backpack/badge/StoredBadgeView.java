package org.insigne.backpack.badge;

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
        Instant importedAt,
        @Nullable String level,
        BadgeExtras extras) {

    public StoredBadgeView {
        lastChecks = List.copyOf(lastChecks);
    }

    /**
     * Why the last check failed, when it is one the earner should see at a glance in the list: {@code revoked}
     * (OB 2.0 revocation, OB 3.0 status) or {@code expired}; null otherwise.
     */
    public @Nullable String problem() {
        if (status != VerificationStatus.INVALID) {
            return null;
        }
        for (Check check : lastChecks) {
            if (check.status() != org.insigne.core.verification.CheckStatus.FAILED) {
                continue;
            }
            if (check.id().equals("ob2.revocation") || check.id().equals("ob3.status")
                    && check.messageKey().contains("revoked")) {
                return "revoked";
            }
            if (check.id().equals("ob2.expiry") || check.id().equals("ob3.validity")
                    && check.messageKey().contains("expired")) {
                return "expired";
            }
        }
        return null;
    }
}
