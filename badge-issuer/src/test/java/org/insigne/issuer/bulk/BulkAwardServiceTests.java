package org.insigne.issuer.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.testing.HostileInput;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class BulkAwardServiceTests {

    @Autowired BulkAwardService bulk;
    @Autowired BulkAwardRunner runner;
    @Autowired AwardService awards;
    @Autowired BadgeClassService badgeClasses;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;

    final UUID owner = UUID.randomUUID();

    @Test
    @HostileInput("A7")
    void aJobResumedAfterACrashIssuesNothingTwice() throws Exception {
        OrganisationId org = organisations.create(owner, "Ligue").id();
        BadgeClassId badge = badgeClasses.create(org, owner, content(), ImageUploads.accept(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1})).id();
        badgeClasses.publish(org, badge, owner);
        String csv = "email,name,level,date\na@example.org,A,Je fais,2026-01-02\nb@example.org,B,Je fais,02/01/2026\n"
                + "c@example.org,C,Je fais,\n";
        BulkJobId job = bulk.upload(org, badge, owner, "../../a.csv", csv.getBytes(StandardCharsets.UTF_8),
                Locale.FRENCH, "http://127.0.0.1:8080");
        assertThat(bulk.preview(org, job, owner).validCount()).isEqualTo(3);
        bulk.confirm(org, job, owner);
        assertThatThrownBy(() -> bulk.confirm(org, job, owner)).isInstanceOf(BulkJobAlreadyConfirmed.class);
        BulkProgress first = awaitFinished(org, job);
        assertThat(first.issued()).isEqualTo(3);
        assertThat(first.fileName()).isEqualTo("a.csv");
        assertThat(awards.awards(org, badge, owner)).hasSize(3);
        // Each award has its own status list bit (the chunk's bits reserved at once) and one audit entry.
        assertThat(jdbc.queryForList("select distinct status_list_index from award where badge_class_id = ?",
                Integer.class, badge.value())).hasSize(3);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry where organisation_id = ? and action = 'AWARD_CREATED'
                and actor_id = ? and subject_id in (select id from award where badge_class_id = ?)""",
                Integer.class, org.value(), owner, badge.value())).isEqualTo(3);

        // As if the application had stopped after storing a chunk's awards but before the job saw it through:
        // the job is still RUNNING and a row still PENDING, whose award exists.
        jdbc.update("update bulk_award_job set status = 'RUNNING', finished_at = null where id = ?", job.value());
        jdbc.update("update bulk_award_row set status = 'PENDING', award_id = null where job_id = ? and line = 3",
                job.value());
        runner.resumeRunningJobs();
        BulkProgress resumed = awaitFinished(org, job);

        assertThat(awards.awards(org, badge, owner)).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where organisation_id = ? and action = 'AWARD_CREATED'",
                Integer.class, org.value())).isEqualTo(3);
        assertThat(resumed.issued()).isEqualTo(2);
        assertThat(resumed.duplicate()).isEqualTo(1);
        assertThat(bulk.report(org, job, owner)).filteredOn(r -> r.line() == 3).singleElement()
                .satisfies(r -> assertThat(r.errors()).extracting(RowError::code).containsExactly("already-awarded"));
    }

    private BulkProgress awaitFinished(OrganisationId org, BulkJobId job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            BulkProgress progress = bulk.progress(org, job, owner);
            if (progress.finished()) {
                return progress;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish");
    }

    private static BadgeClassContent content() {
        return new BadgeClassContent("Animer une réunion", "Savoir animer une réunion.", "Avoir animé.",
                java.util.List.of(), java.util.List.of(), BadgeClassContent.DEFAULT_LEVELS, null, false);
    }
}
