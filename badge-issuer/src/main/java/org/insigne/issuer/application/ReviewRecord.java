package org.insigne.issuer.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A review as the review screen lists it. */
public record ReviewRecord(UUID reviewerId, int revision, ReviewDecision decision, @Nullable String message,
                           Instant at, List<CriterionCheck> checks) {
}
