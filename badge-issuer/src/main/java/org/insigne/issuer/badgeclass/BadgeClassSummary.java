package org.insigne.issuer.badgeclass;

import java.time.Instant;

/** A line of an organisation's badge class list. */
public record BadgeClassSummary(BadgeClassId id, String name, BadgeClassStatus status, Instant updatedAt) {
}
