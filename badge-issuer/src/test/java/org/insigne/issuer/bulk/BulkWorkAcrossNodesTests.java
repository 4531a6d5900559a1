package org.insigne.issuer.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.work.Lease;
import org.insigne.issuer.work.Leases;
import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes in one JVM (two runners, two lease holders) on one database, competing for the same work. */
@SpringBootTest(properties = "insigne.work.poll-interval=200ms")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class BulkWorkAcrossNodesTests {

    @Autowired BulkAwardService bulk;
    @Autowired BulkAwardRunner runner;
    @Autowired BulkJobWork work;
    @Autowired BadgeClassService badgeClasses;
    @Autowired OrganisationService organisations;
    @Autowired JdbcTemplate jdbc;

    final UUID owner = UUID.randomUUID();

    @Test
    void twoNodesRunAJobOnceWithoutWastingStatusListBits() throws Exception {
        Leases otherNode = new Leases(jdbc, "other", Duration.ofSeconds(30));
        otherNode.start();
        BulkAwardRunner other = new BulkAwardRunner(work, otherNode, 2, Duration.ofMillis(100));
        other.start();
        try {
            Job job = confirmedJob(450);
            other.submit(job.id());
            runner.submit(job.id());
            BulkProgress done = awaitFinished(job);

            assertThat(done.issued()).isEqualTo(450);
            assertThat(done.duplicate()).isZero();
            assertThat(awardCount(job.badge())).isEqualTo(450);
            // One node reserved each chunk's bits once: exactly one bit per award, none spent twice.
            assertThat(jdbc.queryForObject("select next_index from status_list_sequence where organisation_id = ?",
                    Integer.class, job.org().value())).isEqualTo(450);
        } finally {
            other.stop();
            otherNode.stop();
        }
    }

    @Test
    void aJobWhoseNodeDiedIsTakenOverOnceItsLeaseExpired() throws Exception {
        // A node that took the job and died: its lease is in the table and nobody renews it.
        Leases dead = new Leases(jdbc, "dead", Duration.ofSeconds(3));
        Job job = uploadedJob(30);
        Lease left = dead.tryAcquire(BulkAwardRunner.LEASE + job.id().value()).orElseThrow();
        long start = System.nanoTime();
        bulk.confirm(job.org(), job.id(), owner);
        Thread.sleep(1_000);
        assertThat(bulk.progress(job.org(), job.id(), owner).pending()).isEqualTo(30);

        BulkProgress done = awaitFinished(job);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2_500));
        assertThat(done.issued()).isEqualTo(30);
        assertThat(awardCount(job.badge())).isEqualTo(30);
        assertThat(left.held()).isTrue(); // the dead node never learnt; its commits would be refused (LeasesTests)
    }

    @Test
    void twoNodesClaimEachOwedMailOnce() throws Exception {
        Job job = confirmedJob(300);
        awaitFinished(job);
        onlyMailsOf(job);
        List<CompletableFuture<List<Integer>>> nodes = new ArrayList<>();
        for (String node : List.of("n1", "n2", "n3")) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> lines = new ArrayList<>();
                for (List<BulkMail> mails = bulk.claimMails(node, 7); !mails.isEmpty(); mails = bulk.claimMails(node, 7)) {
                    mails.forEach(m -> {
                        lines.add(m.line());
                        bulk.mailed(m.job(), m.line());
                    });
                }
                return lines;
            }));
        }
        List<Integer> all = new ArrayList<>();
        for (CompletableFuture<List<Integer>> node : nodes) {
            all.addAll(node.get());
        }
        assertThat(all).hasSize(300).doesNotHaveDuplicates();
        assertThat(nodes).allSatisfy(n -> assertThat(n.get()).isNotEmpty());
        assertThat(jdbc.queryForObject("select count(distinct mail_key) from bulk_award_row where job_id = ?",
                Integer.class, job.id().value())).isEqualTo(300);
    }

    @Test
    void aDeadNodesClaimGoesBackExceptTheMailItMayHaveBeenSending() throws Exception {
        Job job = confirmedJob(8);
        awaitFinished(job);
        onlyMailsOf(job);
        // "dead" has no liveness lease: it claimed five mails, sent and marked two, died sending the third.
        List<BulkMail> claimed = bulk.claimMails("dead", 5);
        assertThat(claimed).extracting(BulkMail::line).containsExactly(2, 3, 4, 5, 6);
        bulk.mailed(job.id(), 2);
        bulk.mailed(job.id(), 3);
        // A live node's claim is left alone.
        Leases live = new Leases(jdbc, "live", Duration.ofSeconds(30));
        live.start();
        try {
            assertThat(bulk.claimMails(live.node(), 1)).extracting(BulkMail::line).containsExactly(7);

            assertThat(bulk.recoverMailClaims()).isEqualTo(2);

            assertThat(jdbc.queryForList("select line from bulk_award_row where job_id = ? and mail_uncertain",
                    Integer.class, job.id().value())).containsExactly(4);
            Set<Integer> next = new HashSet<>();
            bulk.claimMails("n", 10).forEach(m -> next.add(m.line()));
            assertThat(next).containsExactlyInAnyOrder(5, 6, 8, 9);
            assertThat(bulk.releaseMails("n")).isEqualTo(4);

            // The mail in doubt is not waiting to be sent, and the job's page must not say so for ever.
            int unsent = jdbc.queryForObject("select count(*) from bulk_award_row where job_id = ? and notified_at is null",
                    Integer.class, job.id().value());
            assertThat(bulk.progress(job.org(), job.id(), owner).mailsPending()).isEqualTo(unsent - 1);
            // The operator found it in the SMTP server's log: settled as sent, as decision 0015 says.
            jdbc.update("update bulk_award_row set mail_uncertain = false, notified_at = now() where job_id = ? and line = 4",
                    job.id().value());
            assertThat(bulk.progress(job.org(), job.id(), owner).mailsPending()).isEqualTo(unsent - 1);
            assertThat(bulk.claimMails("n", 10)).extracting(BulkMail::line).doesNotContain(4);
            bulk.releaseMails("n");
        } finally {
            live.stop();
        }
    }

    private record Job(OrganisationId org, BadgeClassId badge, BulkJobId id) {
    }

    private Job confirmedJob(int rows) {
        Job job = uploadedJob(rows);
        bulk.confirm(job.org(), job.id(), owner);
        return job;
    }

    /** Mails owed for other tests' jobs out of the way. */
    private void onlyMailsOf(Job job) {
        jdbc.update("update bulk_award_row set notified_at = now() where job_id <> ? and notified_at is null",
                job.id().value());
    }

    private Job uploadedJob(int rows) {
        OrganisationId org = organisations.create(owner, "Ligue " + UUID.randomUUID()).id();
        BadgeClassId badge = badgeClasses.create(org, owner, new BadgeClassContent("Animer", "Savoir animer.", "Avoir animé.",
                List.of(), List.of(), BadgeClassContent.DEFAULT_LEVELS, null, false), ImageUploads.accept(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1})).id();
        badgeClasses.publish(org, badge, owner);
        StringBuilder csv = new StringBuilder("email,name,level\n");
        for (int i = 0; i < rows; i++) {
            csv.append("earner").append(i).append("@example.org,Earner ").append(i).append(",Je fais\n");
        }
        BulkJobId id = bulk.upload(org, badge, owner, "a.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Locale.FRENCH, "http://127.0.0.1:8080");
        return new Job(org, badge, id);
    }

    private int awardCount(BadgeClassId badge) {
        return jdbc.queryForObject("select count(*) from award where badge_class_id = ?", Integer.class, badge.value());
    }

    private BulkProgress awaitFinished(Job job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            BulkProgress progress = bulk.progress(job.org(), job.id(), owner);
            if (progress.finished()) {
                return progress;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish");
    }
}
