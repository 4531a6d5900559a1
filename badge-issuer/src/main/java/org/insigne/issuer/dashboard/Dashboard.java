package org.insigne.issuer.dashboard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.insigne.issuer.audit.AuditEntryView;
import org.insigne.issuer.award.AwardCounts;
import org.insigne.issuer.organisation.OrganisationView;

/**
 * An organisation's dashboard as one member sees it. {@code canReadAuditLog} says whether their role opens the
 * full audit log (owners and administrators); every member sees the counts and the recent activity.
 * {@code badgeClassNames} names the badge classes the entries refer to by id. {@code expiringThisMonth}: awards
 * not revoked that expire from now to the end of the current month.
 */
public record Dashboard(OrganisationView organisation, List<BadgeClassCounts> badgeClasses, AwardCounts total,
                        List<AuditEntryView> recent, Map<UUID, String> badgeClassNames, boolean canReadAuditLog,
                        long expiringThisMonth) {

    public Dashboard {
        badgeClasses = List.copyOf(badgeClasses);
        recent = List.copyOf(recent);
        badgeClassNames = Map.copyOf(badgeClassNames);
    }
}
