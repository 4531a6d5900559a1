package org.insigne.backpack.badge;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Verdict;

/** A verified badge about to be kept: who keeps it, what was given, what the verification found. */
public record NewBadge(UUID ownerId, BadgeInput input, String fingerprint, BadgeView badge, Verdict verdict,
                       RecipientStatus recipientStatus, List<Check> checks) {

    public NewBadge {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(recipientStatus, "recipientStatus");
        checks = List.copyOf(checks);
    }
}
