package org.insigne.issuer.application;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What applications keep of people, and for how long. Refused and withdrawn applications, with their files,
 * answers, reviews and history, are erased once they have been closed for the retention period; awarded ones
 * stay, since the badge names their public files as evidence (decision 0024); open ones stay to be decided.
 * A person's own applications go with their account, awarded ones included but for what their badge shows.
 */
@Service
public class ApplicationRetention {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRetention.class);

    private final JdbcTemplate jdbc;
    private final ApplicationDraftService drafts;

    ApplicationRetention(JdbcTemplate jdbc, ApplicationDraftService drafts) {
        this.jdbc = jdbc;
        this.drafts = drafts;
    }

    /**
     * Erases refused and withdrawn applications whose last event is older than {@code keep}, and stale drafts;
     * answers how many applications went. The cascade of the schema takes their files, answers and history.
     */
    @Transactional
    public int eraseClosed(Instant now, Duration keep) {
        int erased = jdbc.update("""
                delete from badge_application a
                 where a.state in ('REFUSED', 'WITHDRAWN')
                   and (select max(e.at) from application_event e where e.application_id = a.id) <= ?""",
                Timestamp.from(now.minus(keep)));
        int staleDrafts = drafts.eraseStale(now);
        if (erased > 0 || staleDrafts > 0) {
            log.info("Erased {} closed applications and {} stale drafts past their retention", erased, staleDrafts);
        }
        return erased;
    }

    /**
     * Forgets a person who deletes their account: their drafts and every application not awarded go; an
     * awarded one keeps only what its badge shows (its public files), its narrative, answers and private
     * evidence erased and the address masked.
     */
    @Transactional
    public void forgetApplicant(UUID applicantId) {
        drafts.discardAll(applicantId);
        jdbc.update("delete from badge_application where applicant_id = ? and state <> 'AWARDED'", applicantId);
        jdbc.update("""
                delete from application_file f using badge_application a
                 where f.application_id = a.id and a.applicant_id = ?
                   and not exists (select 1 from application_evidence e
                                    where e.application_id = a.id and e.id = f.id and e.is_public)""", applicantId);
        jdbc.update("""
                delete from application_evidence e using badge_application a
                 where e.application_id = a.id and a.applicant_id = ? and not e.is_public""", applicantId);
        // The list's order column must stay without gaps: the kept pieces are numbered again from 0.
        jdbc.update("""
                update application_evidence e set position = -e.position - 1 from badge_application a
                 where e.application_id = a.id and a.applicant_id = ?""", applicantId);
        jdbc.update("""
                update application_evidence e set position = r.n - 1
                  from (select e2.application_id, e2.id,
                               row_number() over (partition by e2.application_id order by -e2.position) n
                          from application_evidence e2 join badge_application a on a.id = e2.application_id
                         where a.applicant_id = ?) r
                 where e.id = r.id""", applicantId);
        jdbc.update("""
                delete from application_answer r using badge_application a
                 where r.application_id = a.id and a.applicant_id = ?""", applicantId);
        jdbc.update("""
                update application_event e set message = null, changes = null from badge_application a
                 where e.application_id = a.id and a.applicant_id = ? and e.actor_id = a.applicant_id""",
                applicantId);
        jdbc.update("""
                update badge_application set narrative = '', applicant_email = 'erased@invalid', applicant_name = ''
                 where applicant_id = ?""", applicantId);
        log.info("Applications of user {} forgotten", applicantId);
    }
}
