package org.insigne.issuer.bulk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.core.error.DomainException;
import org.insigne.issuer.award.AwardBatch;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.IdempotencyKey;
import org.insigne.issuer.award.PreparedAward;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.work.Lease;
import org.insigne.issuer.work.LeaseLost;
import org.insigne.issuer.work.Leases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional steps of a running job, for {@link BulkAwardRunner}: which rows are left, and storing a
 * chunk of signed awards together with the rows' outcomes, so that a crash keeps every chunk committed and
 * redoes none.
 */
@Service
@Transactional(readOnly = true)
class BulkJobWork {

    private static final Logger log = LoggerFactory.getLogger(BulkJobWork.class);

    private final BulkJobRepository jobs;
    private final AwardService awards;
    private final JdbcTemplate jdbc;
    private final Leases leases;
    private final Clock clock;

    BulkJobWork(BulkJobRepository jobs, AwardService awards, JdbcTemplate jdbc, Leases leases, Clock clock) {
        this.leases = leases;
        this.jobs = jobs;
        this.awards = awards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A row left to issue, as stored at confirmation (values already normalised). */
    record PendingRow(int line, AwardRequest request, IdempotencyKey key) {
    }

    /** What signing one row gave: an award to store, or the reason it was refused. */
    record Outcome(int line, @Nullable PreparedAward award, @Nullable RowError error) {
    }

    List<BulkJobId> running() {
        return jobs.findByStatus(BulkJobStatus.RUNNING).stream().map(BulkJob::id).toList();
    }

    /**
     * What signing this job's awards needs, checked again now (the awarder may have lost the role, the badge
     * class been archived); empty when the job cannot go on, its remaining rows then marked failed.
     */
    @Transactional
    @Nullable AwardBatch open(BulkJobId id, Lease lease) {
        leases.confirm(lease);
        BulkJob job = jobs.findById(id.value()).orElse(null);
        if (job == null || job.status() != BulkJobStatus.RUNNING) {
            return null;
        }
        try {
            return awards.batch(job.organisationId(), job.badgeClassId(), job.createdBy(),
                    new HostedUrls(job.baseUrl()));
        } catch (DomainException refused) {
            log.warn("Bulk award {} stopped: {}", id.value(), refused.messageKey());
            jdbc.update("update bulk_award_row set status = 'FAILED', error_keys = ? where job_id = ? and status = 'PENDING'",
                    RowError.join(List.of(RowError.of("refused"))), id.value());
            job.finish(clock.instant());
            return null;
        }
    }

    List<PendingRow> pending(BulkJobId id, int afterLine, int limit) {
        return jdbc.query("""
                select line, idempotency_key, recipient_email, recipient_name, level, evidence_url,
                    evidence_narrative, issued_on
                from bulk_award_row where job_id = ? and status = 'PENDING' and line > ? order by line limit ?""",
                (rs, n) -> {
                    String date = rs.getString("issued_on");
                    return new PendingRow(rs.getInt("line"), new AwardRequest(UUID.randomUUID(),
                            rs.getString("recipient_email"), rs.getString("recipient_name"), rs.getString("level"),
                            rs.getString("evidence_url"), rs.getString("evidence_narrative"),
                            date == null ? null : LocalDate.parse(date)),
                            new IdempotencyKey(rs.getString("idempotency_key")));
                }, id.value(), afterLine, limit);
    }

    /**
     * Stores a chunk's awards and the outcome of each of its rows, in one transaction, if this node still
     * holds the job's lease (else {@link LeaseLost}, and nothing is stored).
     */
    @Transactional
    void record(BulkJobId id, List<Outcome> outcomes, Lease lease) {
        leases.confirm(lease);
        List<PreparedAward> prepared = new ArrayList<>();
        List<Outcome> signed = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.award() != null) {
                prepared.add(outcome.award());
                signed.add(outcome);
            }
        }
        List<Boolean> stored = awards.store(prepared);
        List<Object[]> updates = new ArrayList<>(outcomes.size());
        for (int i = 0; i < signed.size(); i++) {
            Outcome outcome = signed.get(i);
            if (stored.get(i)) {
                updates.add(new Object[] {"ISSUED", null, outcome.award().id().value(), id.value(), outcome.line()});
            } else {
                updates.add(new Object[] {"DUPLICATE", RowError.join(List.of(RowError.of("already-awarded"))), null,
                        id.value(), outcome.line()});
            }
        }
        for (Outcome outcome : outcomes) {
            if (outcome.award() == null) {
                RowError error = outcome.error() == null ? RowError.of("invalid") : outcome.error();
                updates.add(new Object[] {"FAILED", RowError.join(List.of(error)), null, id.value(), outcome.line()});
            }
        }
        jdbc.batchUpdate("update bulk_award_row set status = ?, error_keys = ?, award_id = ? where job_id = ? and line = ?",
                updates, new int[] {java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.OTHER,
                        java.sql.Types.OTHER, java.sql.Types.INTEGER});
    }

    @Transactional
    void finish(BulkJobId id, Lease lease) {
        leases.confirm(lease);
        jobs.findById(id.value()).ifPresent(job -> {
            job.finish(clock.instant());
            log.info("Bulk award {} finished", id.value());
        });
    }
}
