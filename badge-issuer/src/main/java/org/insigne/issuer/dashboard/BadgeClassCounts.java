package org.insigne.issuer.dashboard;

import org.insigne.issuer.award.AwardCounts;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassStatus;

/** One line of the dashboard: a badge class and the counts of its awards. */
public record BadgeClassCounts(BadgeClassId id, String name, BadgeClassStatus status, AwardCounts counts) {
}
