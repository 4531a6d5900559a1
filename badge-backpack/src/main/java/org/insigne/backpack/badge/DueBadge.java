package org.insigne.backpack.badge;

import java.util.UUID;

/** A badge due for its scheduled re-check, and whose it is. */
public record DueBadge(UUID ownerId, BadgeId id) {
}
