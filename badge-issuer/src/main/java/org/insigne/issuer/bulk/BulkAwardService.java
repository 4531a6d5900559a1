package org.insigne.issuer.bulk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.work.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards one badge class to many people from a CSV file, in three steps: {@link #upload} keeps the file,
 * {@link #preview} shows every row with its errors (nothing issued yet), {@link #confirm} stores the rows and
 * starts the background job, which issues the valid ones. Only the awarder who uploaded a file reviews and
 * confirms it; the organisation's staff follow its progress and read its report. Rows are read and written
 * with plain SQL batches: a file has up to {@value CsvReader#MAX_RECORDS} of them.
 */
@Service
@Transactional(readOnly = true)
public class BulkAwardService {

    private static final Logger log = LoggerFactory.getLogger(BulkAwardService.class);

    private final BulkJobRepository jobs;
    private final AwardService awards;
    private final BadgeClassService badgeClasses;
    private final OrganisationService organisations;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BulkAwardService(BulkJobRepository jobs, AwardService awards, BadgeClassService badgeClasses,
                     OrganisationService organisations, JdbcTemplate jdbc, ApplicationEventPublisher events,
                     Clock clock) {
        this.jobs = jobs;
        this.awards = awards;
        this.badgeClasses = badgeClasses;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Keeps an uploaded file for review, once it reads as CSV with the required columns and at least one row.
     * {@code baseUrl} is the platform's public address, written into the badges when they are issued.
     */
    @Transactional
    public BulkJobId upload(OrganisationId organisation, BadgeClassId badgeClass, UUID userId, String fileName,
                            byte[] bytes, Locale locale, String baseUrl) {
        awards.checkCanAward(organisation, badgeClass, userId);
        CsvTable table = CsvReader.read(bytes);
        BulkColumn.positions(table.header());
        if (table.records().isEmpty()) {
            throw new CsvRejected("no-rows");
        }
        BulkJob job = jobs.save(new BulkJob(organisation, badgeClass, userId, fileName(fileName), bytes, locale,
                baseUrl, table.records().size(), clock.instant()));
        log.info("Bulk award {} of badge class {} uploaded by user {} ({} rows)", job.id().value(),
                badgeClass.value(), userId, table.records().size());
        return job.id();
    }

    /** What a job is at, for any member of the organisation's staff. */
    public BulkJobStatus status(OrganisationId organisation, BulkJobId id, UUID userId) {
        return visible(organisation, id, userId).status();
    }

    /** Every row of a file not yet confirmed, with its errors, for the awarder who uploaded it. */
    public BulkPreview preview(OrganisationId organisation, BulkJobId id, UUID userId) {
        BulkJob job = own(organisation, id, userId);
        if (job.status() != BulkJobStatus.PREVIEW) {
            throw new BulkJobAlreadyConfirmed(id);
        }
        BadgeClassView badgeClass = awards.checkCanAward(organisation, job.badgeClassId(), userId);
        CsvTable table = CsvReader.read(job.content());
        List<String> ignored = table.header().stream()
                .filter(h -> !h.isBlank() && BulkColumn.named(h).isEmpty()).map(String::strip).toList();
        return new BulkPreview(id, badgeClass, job.fileName(), table.encoding(), String.valueOf(table.delimiter()),
                ignored, check(job, badgeClass, table));
    }

    /**
     * Confirms a reviewed file: checks its rows again (awards may have been made since the preview), stores
     * them, and has the valid ones issued in the background. A second confirmation is refused.
     */
    @Transactional
    public void confirm(OrganisationId organisation, BulkJobId id, UUID userId) {
        BulkJob job = own(organisation, id, userId);
        if (job.status() != BulkJobStatus.PREVIEW) {
            throw new BulkJobAlreadyConfirmed(id);
        }
        BadgeClassView badgeClass = awards.checkCanAward(organisation, job.badgeClassId(), userId);
        List<BulkRow> rows = check(job, badgeClass, CsvReader.read(job.content()));
        job.start(clock.instant());
        jobs.saveAndFlush(job);
        jdbc.batchUpdate("""
                insert into bulk_award_row (job_id, line, idempotency_key, recipient_email, recipient_name, level,
                    evidence_url, evidence_narrative, issued_on, status, error_keys)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
            ps.setObject(1, id.value());
            ps.setInt(2, row.line());
            ps.setString(3, row.key() == null ? null : row.key().value());
            if (row.request() != null) {
                ps.setString(4, row.request().recipientEmail());
                ps.setString(5, row.request().recipientName());
                ps.setString(6, row.request().level());
                ps.setString(7, row.request().evidenceUrl());
                ps.setString(8, row.request().evidenceNarrative());
                ps.setString(9, row.request().issuedOn() == null ? null : row.request().issuedOn().toString());
            } else {
                ps.setString(4, row.email());
                ps.setString(5, row.name());
                ps.setString(6, row.level());
                ps.setString(7, row.evidenceUrl().isEmpty() ? null : row.evidenceUrl());
                ps.setString(8, row.narrative().isEmpty() ? null : row.narrative());
                ps.setString(9, row.date().isEmpty() ? null : row.date());
            }
            ps.setString(10, statusAtConfirmation(row).name());
            ps.setString(11, row.valid() ? null : RowError.join(row.errors()));
        });
        log.info("Bulk award {} confirmed by user {}: {} of {} rows to issue", id.value(), userId,
                rows.stream().filter(BulkRow::valid).count(), rows.size());
        events.publishEvent(new BulkJobConfirmed(id));
    }

    /** How far a confirmed job is, for any member of the organisation's staff. */
    public BulkProgress progress(OrganisationId organisation, BulkJobId id, UUID userId) {
        BulkJob job = visible(organisation, id, userId);
        Map<BulkRowStatus, Integer> counts = new HashMap<>();
        int[] unmailed = {0};
        // A mail in doubt is not pending: it is never sent again by itself (docs/decisions/0015).
        jdbc.query("""
                select status, count(*) as n,
                    count(*) filter (where status = 'ISSUED' and notified_at is null and not mail_uncertain) as unmailed
                from bulk_award_row where job_id = ? group by status""", rs -> {
            counts.put(BulkRowStatus.valueOf(rs.getString("status")), rs.getInt("n"));
            unmailed[0] += rs.getInt("unmailed");
        }, id.value());
        String badgeName = badgeClasses.badgeClass(organisation, job.badgeClassId(), userId).content().name();
        return new BulkProgress(id, job.badgeClassId(), badgeName, job.fileName(), job.status(), job.totalRows(),
                counts.getOrDefault(BulkRowStatus.PENDING, 0), counts.getOrDefault(BulkRowStatus.ISSUED, 0),
                counts.getOrDefault(BulkRowStatus.DUPLICATE, 0), counts.getOrDefault(BulkRowStatus.INVALID, 0),
                counts.getOrDefault(BulkRowStatus.FAILED, 0), unmailed[0], job.startedAt(), job.finishedAt());
    }

    /** Every row of a confirmed file and its outcome, in file order. */
    public List<BulkReportRow> report(OrganisationId organisation, BulkJobId id, UUID userId) {
        visible(organisation, id, userId);
        return jdbc.query("""
                select line, recipient_email, recipient_name, level, status, error_keys, award_id
                from bulk_award_row where job_id = ? order by line""", (rs, n) -> new BulkReportRow(
                rs.getInt("line"), rs.getString("recipient_email"), rs.getString("recipient_name"),
                rs.getString("level"), BulkRowStatus.valueOf(rs.getString("status")),
                RowError.split(rs.getString("error_keys")), rs.getObject("award_id", UUID.class)), id.value());
    }

    /**
     * Claims for {@code node} ({@link Leases#node()}) up to {@code limit} mails owed to earners of bulk awards (rows issued, earner not
     * yet told, nobody sending), oldest job first, and commits the claim before any is sent: no other node
     * sends them, and a mail claimed by a node that died is never sent again unseen (see
     * {@link #recoverMailClaims}). This table is the outbox: a mail leaves it only once {@link #mailed} says
     * it was sent. Send them in the order given, marking each before sending the next.
     */
    @Transactional
    public List<BulkMail> claimMails(String node, int limit) {
        record Owed(UUID job, int line, UUID award, UUID key, String locale, UUID badgeClass, UUID organisation,
                    String base) {
        }
        List<Owed> owed = jdbc.query("""
                select r.job_id, r.line, r.award_id, r.mail_key, j.locale, j.badge_class_id, j.organisation_id,
                    j.base_url
                from bulk_award_row r join bulk_award_job j on j.id = r.job_id
                where r.status = 'ISSUED' and r.notified_at is null and r.mail_claimed_by is null
                    and not r.mail_uncertain
                order by j.created_at, r.job_id, r.line limit ?
                for update of r skip locked""", (rs, n) -> new Owed(
                rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8)), limit);
        if (owed.isEmpty()) {
            return List.of();
        }
        jdbc.batchUpdate("""
                update bulk_award_row set mail_claimed_by = ?, mail_claimed_at = now()
                where job_id = ? and line = ?""",
                owed.stream().map(o -> new Object[] {node, o.job(), o.line()}).toList());
        Map<AwardId, AwardView> views = new HashMap<>();
        awards.views(owed.stream().map(o -> new AwardId(o.award())).toList()).forEach(v -> views.put(v.id(), v));
        Map<UUID, String> badgeNames = new HashMap<>();
        Map<UUID, String> issuerNames = new HashMap<>();
        List<BulkMail> mails = new ArrayList<>(owed.size());
        for (Owed o : owed) {
            AwardView view = views.get(new AwardId(o.award()));
            String badge = badgeNames.computeIfAbsent(o.badgeClass(), b -> badgeClasses
                    .publicBadgeClass(new BadgeClassId(b)).map(p -> p.content().name()).orElse(""));
            String issuer = issuerNames.computeIfAbsent(o.organisation(), org -> organisations
                    .publicProfile(new OrganisationId(org)).map(p -> p.profile().name()).orElse(""));
            if (view != null) {
                mails.add(new BulkMail(new BulkJobId(o.job()), o.line(), o.key(), view, badge, issuer,
                        Locale.forLanguageTag(o.locale()), o.base()));
            }
        }
        return mails;
    }

    /** The earner of this row was told. */
    @Transactional
    public void mailed(BulkJobId job, int line) {
        jdbc.update("update bulk_award_row set notified_at = ? where job_id = ? and line = ?",
                java.time.OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), job.value(), line);
    }

    /**
     * The mails {@code node} claimed and did not send go back to the outbox; call it only when none of them
     * may have left (a send refused by the server, a stop between two mails).
     */
    @Transactional
    public int releaseMails(String node) {
        return jdbc.update("""
                update bulk_award_row set mail_claimed_by = null, mail_claimed_at = null
                where mail_claimed_by = ? and notified_at is null and not mail_uncertain""", node);
    }

    /**
     * This row's mail may or may not have left (the connection broke while sending it): it is never sent
     * again automatically (docs/decisions/0015-award-mail-at-most-once.md).
     */
    @Transactional
    public void mailUncertain(BulkJobId job, int line) {
        jdbc.update("update bulk_award_row set mail_uncertain = true where job_id = ? and line = ?",
                job.value(), line);
        log.warn("Award mail of bulk award {} row {} may not have been sent; it is not sent again", job.value(), line);
    }

    /**
     * Puts back in the outbox the mails claimed by nodes that died, except the one each may have been sending:
     * a node sends its claimed mails in order and marks each before sending the next, so of a dead node's
     * claimed, unmarked mails only the first may have left. That one is marked uncertain and reported.
     *
     * @return how many mails went back to the outbox
     */
    @Transactional
    public int recoverMailClaims() {
        record Claimed(UUID job, int line, String node, java.time.OffsetDateTime at) {
        }
        List<Claimed> claimed = jdbc.query("""
                select r.job_id, r.line, r.mail_claimed_by, r.mail_claimed_at
                from bulk_award_row r join bulk_award_job j on j.id = r.job_id
                where r.notified_at is null and r.mail_claimed_by is not null and not r.mail_uncertain
                    and not %s
                order by r.mail_claimed_by, r.mail_claimed_at, j.created_at, r.job_id, r.line
                for update of r""".formatted(Leases.liveNode("r.mail_claimed_by")), (rs, n) -> new Claimed(
                rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class)));
        List<Object[]> released = new ArrayList<>();
        Claimed previous = null;
        for (Claimed c : claimed) {
            boolean firstOfClaim = previous == null || !previous.node().equals(c.node()) || !previous.at().equals(c.at());
            if (firstOfClaim) {
                jdbc.update("update bulk_award_row set mail_uncertain = true where job_id = ? and line = ?",
                        c.job(), c.line());
                log.warn("Award mail of bulk award {} row {} may not have been sent (node {} stopped while sending);"
                        + " it is not sent again", c.job(), c.line(), c.node());
            } else {
                released.add(new Object[] {c.job(), c.line()});
            }
            previous = c;
        }
        jdbc.batchUpdate("""
                update bulk_award_row set mail_claimed_by = null, mail_claimed_at = null
                where job_id = ? and line = ?""", released);
        if (!released.isEmpty()) {
            log.info("{} award mails claimed by stopped nodes are back in the outbox", released.size());
        }
        return released.size();
    }

    private List<BulkRow> check(BulkJob job, BadgeClassView badgeClass, CsvTable table) {
        return BulkRows.check(table, job.badgeClassId(), badgeClass.content(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), awards::existingKeys);
    }

    private static BulkRowStatus statusAtConfirmation(BulkRow row) {
        if (row.valid()) {
            return BulkRowStatus.PENDING;
        }
        boolean onlyRepeated = row.errors().stream()
                .allMatch(e -> e.code().equals("duplicate") || e.code().equals("already-awarded"));
        return onlyRepeated ? BulkRowStatus.DUPLICATE : BulkRowStatus.INVALID;
    }

    /** A job of this organisation, for a member of its staff. */
    private BulkJob visible(OrganisationId organisation, BulkJobId id, UUID userId) {
        organisations.organisation(organisation, userId);
        return jobs.findByIdAndOrganisationId(id.value(), organisation.value())
                .orElseThrow(() -> new BulkJobNotFound(id));
    }

    /** A job this user uploaded: nobody else reviews or confirms another's file. */
    private BulkJob own(OrganisationId organisation, BulkJobId id, UUID userId) {
        BulkJob job = visible(organisation, id, userId);
        if (!job.createdBy().equals(userId)) {
            throw new BulkJobNotFound(id);
        }
        return job;
    }

    private static String fileName(String name) {
        String base = name == null ? "" : name.replaceAll("^.*[/\\\\]", "").strip();
        base = base.replaceAll("\\p{Cntrl}", "");
        if (base.isEmpty()) {
            return "badges.csv";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
