package org.insigne.issuer.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * One step of an application's history, with the message that came with it (a reviewer's, an applicant's)
 * and, for a resubmission, what it changed: one {@link Change} a line, kept as text so that the history is
 * read in one query.
 */
@Embeddable
public record ApplicationEvent(@Enumerated(EnumType.STRING) Kind kind, @Nullable UUID actorId,
                               @Nullable String message, Instant at, @Nullable String changes) {

    /** {@code APPROVED}: one reviewer's approval, while more are needed before the badge is awarded. */
    public enum Kind { SUBMITTED, CHANGES_REQUESTED, RESUBMITTED, AWARDED, REFUSED, WITHDRAWN, APPROVED }

    public ApplicationEvent(Kind kind, @Nullable UUID actorId, @Nullable String message, Instant at) {
        this(kind, actorId, message, at, null);
    }

    /**
     * One thing a resubmission changed: {@code key} names it ({@code narrative}, {@code level}, {@code answer},
     * {@code evidence-added}, {@code evidence-removed}) for the message to show, {@code arg} the question's
     * label or the number of pieces.
     */
    public record Change(String key, String arg) {

        String line() {
            return key + ":" + arg.replace('\n', ' ');
        }

        static Change of(String line) {
            int colon = line.indexOf(':');
            return colon < 0 ? new Change(line, "") : new Change(line.substring(0, colon), line.substring(colon + 1));
        }
    }

    /** What a resubmission changed, in order; empty for any other event or when it changed nothing. */
    public List<Change> changeList() {
        return changes == null || changes.isEmpty() ? List.of() : changes.lines().map(Change::of).toList();
    }

    static @Nullable String changes(List<Change> changes) {
        return changes.isEmpty() ? null : String.join("\n", changes.stream().map(Change::line).toList());
    }
}
