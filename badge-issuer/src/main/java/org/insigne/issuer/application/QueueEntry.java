package org.insigne.issuer.application;

import java.time.Duration;
import java.time.Instant;

import org.insigne.issuer.badgeclass.BadgeClassId;

/** One line of a reviewer's queue: whose application, for which badge, where it stands, since when. */
public record QueueEntry(ApplicationId id, BadgeClassId badgeClass, String badgeClassName, String applicantName,
                         ApplicationState state, int revision, Instant submittedAt, Duration waited) {
}
