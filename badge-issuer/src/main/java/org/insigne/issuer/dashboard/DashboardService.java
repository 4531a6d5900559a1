package org.insigne.issuer.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.award.AwardCounts;
import org.insigne.issuer.award.AwardStatistics;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassSummary;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's dashboard and audit log. Every member of the staff sees the counts and the last
 * {@value #RECENT} entries (recipients' addresses masked); only owners and administrators browse the full log,
 * which names who did what with the address they had then. Outsiders are told the organisation does not exist.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    public static final int RECENT = 20;
    public static final int PAGE_SIZE = 50;

    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final AwardStatistics statistics;
    private final AuditLog audit;
    private final Clock clock;

    DashboardService(OrganisationService organisations, BadgeClassService badgeClasses, AwardStatistics statistics,
                     AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    /** The dashboard, for any member, with the month of "expiring this month" read in UTC. */
    public Dashboard dashboard(OrganisationId id, UUID userId) {
        return dashboard(id, userId, ZoneOffset.UTC);
    }

    /**
     * The dashboard, for any member; "this month" is the month in {@code zone} (the readers' zone, where a month
     * ends at their midnight).
     */
    public Dashboard dashboard(OrganisationId id, UUID userId, ZoneId zone) {
        OrganisationView organisation = organisations.organisation(id, userId);
        List<BadgeClassSummary> classes = badgeClasses.badgeClasses(id, userId);
        Map<BadgeClassId, AwardCounts> counts = statistics.countsByBadgeClass(id);
        List<BadgeClassCounts> lines = classes.stream()
                .map(c -> new BadgeClassCounts(c.id(), c.name(), c.status(), counts.getOrDefault(c.id(), AwardCounts.NONE)))
                .toList();
        AwardCounts total = lines.stream().map(BadgeClassCounts::counts).reduce(AwardCounts.NONE, AwardCounts::plus);
        return new Dashboard(organisation, lines, total, audit.recent(id.value(), RECENT), names(classes),
                organisation.role().includes(StaffRole.ADMIN), expiringThisMonth(id, zone));
    }

    private long expiringThisMonth(OrganisationId id, ZoneId zone) {
        Instant now = clock.instant();
        Instant monthEnd = ZonedDateTime.ofInstant(now, zone).toLocalDate()
                .with(TemporalAdjusters.firstDayOfNextMonth()).atStartOfDay(zone).toInstant();
        return statistics.expiring(id, now, monthEnd);
    }

    /** One page (from 0) of the audit log, of one action when {@code filter} is given; owners and administrators. */
    public AuditLogView auditLog(OrganisationId id, UUID userId, @Nullable AuditAction filter, int page) {
        return auditLog(id, userId, filter, page, PAGE_SIZE);
    }

    /** The same with pages of {@code size} entries, for callers that choose it (the API). */
    public AuditLogView auditLog(OrganisationId id, UUID userId, @Nullable AuditAction filter, int page, int size) {
        OrganisationView organisation = organisations.requireRole(id, userId, StaffRole.ADMIN);
        return new AuditLogView(organisation, audit.page(id.value(), filter, page, size), filter,
                names(badgeClasses.badgeClasses(id, userId)));
    }

    private static Map<UUID, String> names(List<BadgeClassSummary> classes) {
        return classes.stream().collect(Collectors.toMap(c -> c.id().value(), BadgeClassSummary::name));
    }
}
