package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.bulk.BulkAwardService;
import org.insigne.issuer.bulk.BulkJobId;
import org.insigne.issuer.bulk.BulkProgress;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.Mailer;
import org.insigne.web.testing.CountingSmtpProxy;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The award mails of bulk jobs as they leave for a real SMTP server (GreenMail, behind a relay that counts
 * connections): few connections for many mails, each mail once with its idempotency key as Message-ID, two
 * nodes draining one outbox, and a graceful stop in the middle of a job and its mails.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = {"insigne.bulk.mail-delay=100ms", "insigne.work.lease-time=3s"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkAwardMailIntegrationTests {

    static final CountingSmtpProxy smtp = proxy();

    @DynamicPropertySource
    static void smtpThroughTheRelay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", smtp::port);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired BulkAwardService bulk;
    @Autowired AwardNotifier notifier;
    @Autowired Mailer mailer;
    @Autowired ConfigurableApplicationContext context;

    AccountUser owner;
    OrganisationId organisation;
    BadgeClassId badgeClass;
    String run;

    @BeforeEach
    void publishABadge() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Owner");
        organisation = fixture.organisation(owner, "Ligue");
        badgeClass = fixture.published(organisation, owner);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Order(1)
    void sendsAJobsMailsOverFewConnectionsEachOnceWithItsKeyAsMessageId() throws Exception {
        int connectionsBefore = smtp.connections();
        long start = System.nanoTime();
        BulkJobId job = confirmedJob(600);
        awaitAllMailed(job, Duration.ofMinutes(8));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Map<String, Integer> received = messageIds();
        assertThat(received).hasSize(600).allSatisfy((id, times) -> assertThat(times).isOne());
        assertThat(received.keySet()).isEqualTo(expectedMessageIds(job));
        int connections = smtp.connections() - connectionsBefore;
        // One connection per claimed batch, not one per mail.
        assertThat(connections).isBetween(1, 60);
        System.out.printf("600 award mails issued and sent in %d ms over %d SMTP connections%n", took.toMillis(),
                connections);
    }

    @Test
    @Order(2)
    void twoNodesDrainOneOutboxSendingEachMailOnce() throws Exception {
        Leases otherNode = new Leases(jdbc, "other", Duration.ofSeconds(3));
        otherNode.start();
        BulkAwardMailer other = new BulkAwardMailer(bulk, notifier, mailer, otherNode, Duration.ofMillis(50));
        other.start();
        try {
            BulkJobId job = confirmedJob(400);
            awaitAllMailed(job, Duration.ofMinutes(8));

            Map<String, Integer> received = messageIds();
            assertThat(received).hasSize(400).allSatisfy((id, times) -> assertThat(times).isOne());
            assertThat(received.keySet()).isEqualTo(expectedMessageIds(job));
            assertThat(jdbc.queryForObject("select count(distinct mail_claimed_by) from bulk_award_row where job_id = ?",
                    Integer.class, job.value())).isEqualTo(2);
        } finally {
            other.stop();
            otherNode.stop();
        }
    }

    @Test
    @Order(3)
    void aGracefulStopInTheMiddleOfAJobAndItsMailsSendsNothingTwiceAndLosesNothing() throws Exception {
        BulkJobId job = confirmedJob(600);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (messageIds().size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(bulk.progress(organisation, job, owner.id()).mailsPending()).isPositive();

        // What SIGTERM does before the database pool closes: every SmartLifecycle stops, the web server first,
        // then the background work (Leases.WORK_PHASE), then the leases.
        context.stop();
        Map<String, Integer> atStop = messageIds();
        Set<String> marked = new HashSet<>(jdbc.queryForList("""
                select '<' || mail_key || '@insigne.local>' from bulk_award_row
                where job_id = ? and notified_at is not null""", String.class, job.value()));
        // Every mail that left is marked, none left twice, no row is left claimed or of unknown fate.
        assertThat(atStop.keySet()).isEqualTo(marked);
        assertThat(atStop).allSatisfy((id, times) -> assertThat(times).isOne());
        assertThat(jdbc.queryForObject("""
                select count(*) from bulk_award_row where job_id = ? and notified_at is null
                and (mail_claimed_by is not null or mail_uncertain)""", Integer.class, job.value())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from work_lease where name = ?", Integer.class,
                "bulk-award-job:" + job.value())).as("the job's lease, given up for another node").isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) filter (where r.status = 'ISSUED')
                    - (select count(*) from award a where a.badge_class_id = ?)
                from bulk_award_row r where r.job_id = ?""", Integer.class, badgeClass.value(), job.value()))
                .as("rows issued = awards stored").isZero();

        // Started again, as after a restart: the job and its mails go on, nothing twice.
        context.start();
        awaitAllMailed(job, Duration.ofMinutes(8));
        Map<String, Integer> received = messageIds();
        assertThat(received).hasSize(600).allSatisfy((id, times) -> assertThat(times).isOne());
        assertThat(received.keySet()).isEqualTo(expectedMessageIds(job));
    }

    private BulkJobId confirmedJob(int rows) {
        StringBuilder csv = new StringBuilder("email,nom,niveau\n");
        for (int i = 0; i < rows; i++) {
            csv.append("m").append(i).append('.').append(run).append("@example.org,Personne ").append(i)
                    .append(",Je fais\n");
        }
        BulkJobId job = bulk.upload(organisation, badgeClass, owner.id(), "a.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Locale.FRENCH, "http://127.0.0.1:8080");
        bulk.confirm(organisation, job, owner.id());
        return job;
    }

    private void awaitAllMailed(BulkJobId job, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            BulkProgress progress = bulk.progress(organisation, job, owner.id());
            if (progress.finished() && progress.mailsPending() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("mails of job " + job.value() + " not all sent");
    }

    /** Message-ID of each mail this test's earners received, and how many times. */
    private Map<String, Integer> messageIds() throws MessagingException {
        Map<String, Integer> ids = new HashMap<>();
        for (MimeMessage mail : MailServer.instance().getReceivedMessages()) {
            boolean ours = Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().endsWith("." + run + "@example.org"));
            if (ours) {
                ids.merge(mail.getMessageID(), 1, Integer::sum);
            }
        }
        return ids;
    }

    private Set<String> expectedMessageIds(BulkJobId job) {
        List<String> keys = jdbc.queryForList("select mail_key::text from bulk_award_row where job_id = ?",
                String.class, job.value());
        return new HashSet<>(keys.stream().map(BulkAwardMailIntegrationTests::messageId).toList());
    }

    private static String messageId(String key) {
        return "<" + key + "@insigne.local>";
    }

    private static CountingSmtpProxy proxy() {
        try {
            return new CountingSmtpProxy();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
