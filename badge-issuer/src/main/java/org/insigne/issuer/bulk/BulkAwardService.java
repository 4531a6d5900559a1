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
        jdbc.query("""
                select status, count(*) as n, count(*) filter (where status = 'ISSUED' and notified_at is null) as unmailed
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
     * Mails owed to earners of bulk awards (rows issued, earner not yet told), oldest job first. This table is
     * the outbox: a mail leaves it only once {@link #mailed} says it was sent, so a restart loses none.
     */
    public List<BulkMail> mailsToSend(int limit) {
        record Owed(UUID job, int line, UUID award, String locale, UUID badgeClass, UUID organisation, String base) {
        }
        List<Owed> owed = jdbc.query("""
                select r.job_id, r.line, r.award_id, j.locale, j.badge_class_id, j.organisation_id, j.base_url
                from bulk_award_row r join bulk_award_job j on j.id = r.job_id
                where r.status = 'ISSUED' and r.notified_at is null
                order by j.created_at, r.job_id, r.line limit ?""", (rs, n) -> new Owed(
                rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7)), limit);
        if (owed.isEmpty()) {
            return List.of();
        }
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
                mails.add(new BulkMail(new BulkJobId(o.job()), o.line(), view, badge, issuer,
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
