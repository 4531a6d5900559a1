package org.insigne.issuer.application;

import java.time.Duration;
import java.time.Instant;

import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.jspecify.annotations.Nullable;

/**
 * One line of a reviewer's queue: whose application, for which badge, where it stands, since when, and the
 * reviewer it is assigned to, if any.
 */
public record QueueEntry(ApplicationId id, BadgeClassId badgeClass, String badgeClassName, String applicantName,
                         ApplicationState state, int revision, Instant submittedAt, Duration waited,
                         @Nullable UUID assignee) {
}
