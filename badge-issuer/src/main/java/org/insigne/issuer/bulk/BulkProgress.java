package org.insigne.issuer.bulk;

import java.time.Instant;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.jspecify.annotations.Nullable;

/** Where a confirmed bulk award stands: how many rows of each outcome, and mails still to send. */
public record BulkProgress(BulkJobId id, BadgeClassId badgeClass, String badgeClassName, String fileName,
                           BulkJobStatus status, int total, int pending, int issued, int duplicate, int invalid,
                           int failed, int mailsPending, @Nullable Instant startedAt,
                           @Nullable Instant finishedAt) {

    /** Rows dealt with, whatever the outcome. */
    public int done() {
        return total - pending;
    }

    public boolean finished() {
        return status == BulkJobStatus.DONE;
    }
}
