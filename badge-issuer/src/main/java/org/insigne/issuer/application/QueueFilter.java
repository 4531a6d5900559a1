package org.insigne.issuer.application;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.jspecify.annotations.Nullable;

/**
 * What a reviewer's queue shows: optionally one badge class, one state (else the open ones), only applications
 * waiting for at least {@code minDays} days, only those assigned to the reader.
 */
public record QueueFilter(@Nullable BadgeClassId badgeClass, @Nullable ApplicationState state, int minDays,
                          boolean assignedToMe) {

    public static final QueueFilter OPEN = new QueueFilter(null, null, 0, false);

    public QueueFilter {
        minDays = Math.max(0, Math.min(minDays, 3650));
    }
}
