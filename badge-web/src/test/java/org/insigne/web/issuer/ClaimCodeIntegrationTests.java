package org.insigne.web.issuer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.insigne.core.error.DomainException;
import org.insigne.issuer.application.Applicant;
import org.insigne.issuer.application.Answer;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.claimcode.ClaimCodeService;
import org.insigne.issuer.claimcode.ClaimCodeSettings;
import org.insigne.issuer.claimcode.ClaimCodeState;
import org.insigne.issuer.claimcode.ClaimCodeView;
import org.insigne.issuer.claimcode.ClaimCodes;
import org.insigne.issuer.claimcode.ClaimMode;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Claim codes through the web and the service: creating one, using it in both modes, the refusals of a code
 * used up, expired, closed, used twice or for an archived badge class (nothing stored twice), unknown codes
 * limited per client, and two people taking the last use at once on two connections: one award.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = {"insigne.fetch.allow-loopback=true", "insigne.claim-codes.failures-per-client=5"})
class ClaimCodeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ClaimCodeService codes;
    @Autowired ApplicationService applications;
    @Autowired PlatformTransactionManager transactions;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser awarder;
    OrganisationId organisation;
    BadgeClassId badgeClass;

    @BeforeEach
    void publishABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Dominique");
        awarder = fixture.account("Alix");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, awarder, StaffRole.AWARDER);
        badgeClass = fixture.published(organisation, owner);
    }

    @Test
    void createsAnUnguessableCodeThroughTheConsole() throws Exception {
        String location = mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/claim-codes",
                        organisation.value(), badgeClass.value()).with(as(awarder)).with(csrf())
                        .param("mode", "AWARD").param("level", "Je transmets")
                        .param("validFrom", "2026-01-01T09:00").param("validUntil", "2099-01-01T18:00")
                        .param("maxUses", "30"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        ClaimCodeView created = codes.codes(organisation, badgeClass, awarder.id()).get(0);
        assertThat(location).endsWith("/claim-codes/" + created.id().value());
        assertThat(created.code()).hasSize(10).matches("[23456789ABCDEFGHJKMNPQRSTWXYZ]{10}");
        assertThat(created.settings().level()).isEqualTo("Je transmets");
        assertThat(created.settings().maxUses()).isEqualTo(30);
        assertThat(created.state()).isEqualTo(ClaimCodeState.ACTIVE);
        assertThat(ClaimCodes.normalise(created.display().toLowerCase(Locale.ROOT))).contains(created.code());

        mvc.perform(get("/console/organisations/{org}/claim-codes/{id}", organisation.value(), created.id().value())
                        .with(as(awarder)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/c/" + created.code())));
        mvc.perform(get("/console/organisations/{org}/claim-codes/{id}/qr.svg", organisation.value(),
                        created.id().value()).with(as(awarder)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/svg+xml"));
    }

    @Test
    void refusesBadSettingsWithAMessageAndStoresNothing() throws Exception {
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/claim-codes",
                        organisation.value(), badgeClass.value()).with(as(awarder)).with(csrf())
                        .param("mode", "AWARD").param("validFrom", "2026-01-02T09:00")
                        .param("validUntil", "2026-01-01T18:00").param("maxUses", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "une fin postérieure à ce début")));
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/claim-codes",
                        organisation.value(), badgeClass.value()).with(as(awarder)).with(csrf())
                        .param("mode", "AWARD").param("validFrom", "2026-01-01T09:00")
                        .param("validUntil", "2099-01-01T18:00").param("maxUses", "deux"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Indiquez un nombre d")));
        assertThat(codes.codes(organisation, badgeClass, awarder.id())).isEmpty();
    }

    @Test
    void awardsAtOnceByMailAndRefusesASecondUseByTheSamePerson() throws Exception {
        ClaimCodeView code = code(ClaimMode.AWARD, 10);
        AccountUser participant = fixture.account("Camille");

        claim(participant, code.code()).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/backpack/claim/*"));
        assertThat(awardsTo(participant)).isEqualTo(1);
        ApplicationIntegrationTests.mailContaining(participant, "/backpack/claim/");

        claim(participant, code.display().toLowerCase(Locale.ROOT)).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vous avez déjà utilisé ce code.")));
        assertThat(awardsTo(participant)).isEqualTo(1);
        assertThat(codes.code(organisation, code.id(), owner.id()).used()).isEqualTo(1);
    }

    @Test
    void sendsAnApplicationAReviewerThenDecides() throws Exception {
        ClaimCodeView code = code(ClaimMode.APPLICATION, 10);
        AccountUser participant = fixture.account("Sacha");

        claim(participant, code.code()).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Racontez")));
        assertThat(applications.mine(participant.id())).isEmpty();

        mvc.perform(post("/backpack/codes/{code}", code.code()).with(atAddress(port)).with(as(participant))
                        .with(csrf()).param("consent", "on").param("narrative", "J'ai tenu le stand du forum."))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/backpack/applications/*"));
        assertThat(applications.mine(participant.id())).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(ApplicationState.SUBMITTED);
            assertThat(a.narrative()).isEqualTo("J'ai tenu le stand du forum.");
        });
        assertThat(awardsTo(participant)).isZero();
        assertThat(applications.queue(organisation, owner.id(), badgeClass, null)).hasSize(1);
    }

    @Test
    void asksTheBadgeClassQuestionsWhenACodeSendsAnApplication() throws Exception {
        new ApplicationFixture(fixture, applications).openWithQuestions(organisation, badgeClass, owner);
        ClaimCodeView code = code(ClaimMode.APPLICATION, 10);
        AccountUser participant = fixture.account("Lou");
        mvc.perform(get("/backpack/codes/{code}", code.code()).with(as(participant)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Dans quelle structure ?")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Niveau que vous demandez")));

        mvc.perform(multipart("/backpack/codes/{code}", code.code()).with(atAddress(port)).with(as(participant))
                        .with(csrf()).param("consent", "on").param("narrative", "J'ai tenu le stand du forum.")
                        .param("level", "Je fais"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "« Dans quelle structure ? » : cette réponse est obligatoire.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("J&#39;ai tenu le stand du forum.")));
        assertThat(applications.mine(participant.id())).isEmpty();
        assertThat(codes.code(organisation, code.id(), awarder.id()).used()).isZero();

        mvc.perform(multipart("/backpack/codes/{code}", code.code()).with(atAddress(port)).with(as(participant))
                        .file(new MockMultipartFile("answer6File", "attestation.pdf", "application/pdf",
                                ApplicationFixture.PDF))
                        .with(csrf()).param("consent", "on").param("narrative", "J'ai tenu le stand du forum.")
                        .param("level", "Je fais").param("answer0", "Centre social").param("answer1", "Moins de 10"))
                .andExpect(status().isFound());
        assertThat(applications.mine(participant.id())).singleElement().satisfies(a -> {
            assertThat(a.level()).isEqualTo("Je fais");
            assertThat(a.answers()).extracting(Answer::content)
                    .containsExactly("Centre social", "Moins de 10", null, null, null, null, "attestation.pdf");
        });
        assertThat(codes.code(organisation, code.id(), awarder.id()).used()).isEqualTo(1);
    }

    @Test
    void writesCreatingAndClosingACodeInTheActivityLog() throws Exception {
        ClaimCodeView created = code(ClaimMode.AWARD, 5);
        claim(fixture.account("Premier"), created.code()).andExpect(status().isFound());
        codes.close(organisation, created.id(), awarder.id());
        assertThat(jdbc.queryForList("select action from audit_entry where subject_id = ? order by created_at",
                String.class, created.id().value())).containsExactly("CLAIM_CODE_CREATED", "CLAIM_CODE_CLOSED");
        mvc.perform(get("/console/organisations/{org}/audit", organisation.value()).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "a fermé un code d&#39;événement pour le badge « Animer une réunion » (utilisations : 1)")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "a créé un code d&#39;événement pour le badge « Animer une réunion »")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(created.code()))));
        mvc.perform(get("/console/organisations/{org}/audit", organisation.value()).param("lang", "en")
                        .param("action", "CLAIM_CODE_CLOSED").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "closed an event code for the badge &quot;Animer une réunion&quot; (uses: 1)")));
    }

    @Test
    void refusesExpiredClosedUsedUpAndArchivedCodesClearly() throws Exception {
        ClaimCodeView expired = codes.create(organisation, badgeClass, owner.id(), new ClaimCodeSettings(
                ClaimMode.AWARD, "", Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)),
                5));
        ClaimCodeView closed = code(ClaimMode.AWARD, 5);
        codes.close(organisation, closed.id(), owner.id());
        ClaimCodeView single = code(ClaimMode.AWARD, 1);
        claim(fixture.account("Premier"), single.code()).andExpect(status().isFound());
        AccountUser late = fixture.account("Tardif");

        claim(late, expired.code()).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce code a expiré.")));
        claim(late, closed.code()).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce code a été fermé")));
        claim(late, single.code()).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("autant de fois que prévu")));
        mvc.perform(get("/c/{code}?lang=en", single.code()).with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("as many times as planned")));

        ClaimCodeView open = code(ClaimMode.AWARD, 5);
        badgeClasses.archive(organisation, badgeClass, owner.id());
        claim(late, open.code()).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("plus délivré")));
        assertThat(awardsTo(late)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from claim_code_use where user_id = ?", Integer.class,
                late.id())).isZero();
    }

    @Test
    void limitsUnknownCodesPerClient() throws Exception {
        String client = "198.51.100." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/c/{code}", "ZZZZZ2222" + "23456789".charAt(i)).with(r -> {
                r.setRemoteAddr(client);
                return r;
            })).andExpect(status().isNotFound())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce code n&#39;existe pas")));
        }
        ClaimCodeView real = code(ClaimMode.AWARD, 5);
        mvc.perform(get("/c/{code}", real.code()).with(r -> {
            r.setRemoteAddr(client);
            return r;
        })).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        mvc.perform(get("/c/{code}", real.code())).andExpect(status().isOk());
        mvc.perform(get("/c").param("code", "pas un code!")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ce n&#39;est pas un code")));
    }

    /**
     * Two people take the last use of a code, each in a transaction of its own on its own connection: the
     * first holds the code's row while the second waits for it; the second then finds the code used up. One
     * award, one use.
     */
    @Test
    void givesTheLastUseToExactlyOneOfTwoConcurrentClaims() throws Exception {
        for (int round = 0; round < 3; round++) {
            ClaimCodeView code = code(ClaimMode.AWARD, 1);
            List<AccountUser> people = List.of(fixture.account("Premiere"), fixture.account("Seconde"));
            HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
            TransactionTemplate inTransaction = new TransactionTemplate(transactions);
            CountDownLatch firstHoldsTheRow = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                outcomes.add(pool.submit(() -> inTransaction.execute(status -> {
                    String result = attempt(code.code(), people.get(0), urls);
                    firstHoldsTheRow.countDown();
                    await(release);
                    return result;
                })));
                firstHoldsTheRow.await();
                outcomes.add(pool.submit(() -> attempt(code.code(), people.get(1), urls)));
                awaitALockWait();
                release.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).containsExactly("ok", "error.claim-code.used-up");
            } finally {
                release.countDown();
                pool.shutdown();
            }
            assertThat(awardsTo(people.get(0)) + awardsTo(people.get(1))).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from claim_code_use where claim_code_id = ?",
                    Integer.class, code.id().value())).isEqualTo(1);
            assertThat(codes.code(organisation, code.id(), owner.id()).used()).isEqualTo(1);
        }
    }

    @Test
    void refusesACodeNoOneHasMadeWithoutStoringAnything() {
        assertThatThrownBy(() -> codes.claim("ABCDE-FGHJK", applicant(owner), null,
                new HostedUrls("http://127.0.0.1:" + port)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.claim-code.unknown"));
    }

    private String attempt(String code, AccountUser who, HostedUrls urls) {
        try {
            codes.claim(code, applicant(who), null, urls);
            return "ok";
        } catch (DomainException refused) {
            return refused.messageKey();
        }
    }

    /** Waits until some session of this database waits on a lock: the second claim, behind the first. */
    private void awaitALockWait() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity"
                    + " where datname = current_database() and wait_event_type = 'Lock'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second claim never waited for the code's row");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Applicant applicant(AccountUser who) {
        return new Applicant(who.id(), who.email(), who.displayName(), Locale.FRENCH);
    }

    private ClaimCodeView code(ClaimMode mode, int uses) {
        return codes.create(organisation, badgeClass, awarder.id(), new ClaimCodeSettings(mode, "",
                Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofHours(8)), uses));
    }

    private ResultActions claim(AccountUser who, String code) throws Exception {
        return mvc.perform(post("/backpack/codes/{code}", code).with(atAddress(port)).with(as(who)).with(csrf())
                .param("consent", "on"));
    }

    private int awardsTo(AccountUser who) {
        Integer count = jdbc.queryForObject("select count(*) from award where recipient_email = ?", Integer.class,
                who.email());
        return count == null ? 0 : count;
    }
}
