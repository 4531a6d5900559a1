package org.insigne.issuer.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/** One step of an application's history, with the message that came with it (a reviewer's, an applicant's). */
@Embeddable
public record ApplicationEvent(@Enumerated(EnumType.STRING) Kind kind, @Nullable UUID actorId,
                               @Nullable String message, Instant at) {

    /** {@code APPROVED}: one reviewer's approval, while more are needed before the badge is awarded. */
    public enum Kind { SUBMITTED, CHANGES_REQUESTED, RESUBMITTED, AWARDED, REFUSED, WITHDRAWN, APPROVED }
}
