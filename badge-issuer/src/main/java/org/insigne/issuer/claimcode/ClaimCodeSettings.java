package org.insigne.issuer.claimcode;

import java.time.Instant;
import java.util.Objects;

import org.insigne.core.error.DomainException.Kind;

/**
 * How a code works, checked when built: its mode, the level it awards, when it can be used (from, until) and how
 * many times in all.
 */
public record ClaimCodeSettings(ClaimMode mode, String level, Instant validFrom, Instant validUntil, int maxUses) {

    public static final int MAX_USES = 100_000;

    public ClaimCodeSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        level = level == null ? "" : level.strip();
        if (!validUntil.isAfter(validFrom)) {
            throw new ClaimCodeRefused(Kind.INVALID, "window");
        }
        if (maxUses < 1 || maxUses > MAX_USES) {
            throw new ClaimCodeRefused(Kind.INVALID, "max-uses", MAX_USES);
        }
    }
}
