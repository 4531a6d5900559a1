package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.application.ApplicationId;
import org.insigne.issuer.application.ApplicationRefused;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Applications through the web: opening a badge class, applying with links and files, the refusals of bad
 * input, the reviewers' decisions and their mails, the badge that carries the public evidence and verifies,
 * and two reviewers deciding at once.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class ApplicationIntegrationTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired ApplicationService applications;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser reviewer;
    AccountUser secondReviewer;
    AccountUser applicant;
    OrganisationId organisation;
    BadgeClassId badgeClass;

    @BeforeEach
    void openABadgeToApplications() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Owner");
        reviewer = fixture.account("Reviewer");
        secondReviewer = fixture.account("Second");
        applicant = fixture.account("Camille");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, reviewer, StaffRole.REVIEWER);
        fixture.join(organisation, owner, secondReviewer, StaffRole.AWARDER);
        badgeClass = fixture.published(organisation, owner);
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/applications", organisation.value(),
                        badgeClass.value()).with(as(owner)).with(csrf())
                        .param("applicantInstructions", "Racontez une réunion que vous avez animée.")
                        .param("reviewerInstructions", "Vérifiez le compte rendu.")
                        .param("linksAccepted", "on").param("maxFiles", "2").param("maxFileMegabytes", "1"))
                .andExpect(status().isFound());
    }

    @Test
    void showsThePublicPageSignedOutAndSendsToTheLoginForTheForm() throws Exception {
        mvc.perform(get("/apply/{id}", badgeClass.value()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Demander le badge « Animer une réunion »")))
                .andExpect(content().string(containsString("Racontez une réunion que vous avez animée.")))
                .andExpect(content().string(containsString("/backpack/applications/new/" + badgeClass.value())));
        mvc.perform(get("/backpack/applications/new/{id}", badgeClass.value()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/apply/{id}", UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void walksApplyAskForChangesResubmitAwardAndTheBadgeCarriesThePublicEvidence() throws Exception {
        apply(applicant, form("J'ai animé trois réunions de quartier.")
                .file(new MockMultipartFile("file0", "compte-rendu.pdf", "application/pdf", ApplicationFixture.PDF))
                .param("file0Public", "on")
                .file(new MockMultipartFile("file1", "photo.png", "image/png", PNG))
                .param("link0", "https://example.org/reunions").param("link0Public", "on")
                .param("link1", "https://example.org/prive"))
                .andExpect(status().isFound());
        ApplicationView sent = only(applicant);
        assertThat(sent.state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(sent.evidence()).hasSize(4);
        assertThat(mailContaining(applicant, "est envoyée").getSubject()).isEqualTo("Votre demande de badge");

        mvc.perform(get("/console/organisations/{org}/applications", organisation.value()).with(as(reviewer)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Camille")));
        String review = "/console/organisations/" + organisation.value() + "/applications/" + sent.id().value();
        mvc.perform(get(review).with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vérifiez le compte rendu.")))
                .andExpect(content().string(containsString("compte-rendu.pdf")));
        UUID pdf = sent.evidence().stream().filter(e -> "compte-rendu.pdf".equals(e.fileName())).findFirst()
                .orElseThrow().id();
        mvc.perform(get(review + "/files/" + pdf).with(as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(ApplicationFixture.PDF));
        // Not public before the award.
        mvc.perform(get("/apply/evidence/{id}", pdf)).andExpect(status().isNotFound());

        mvc.perform(post(review + "/changes").with(as(reviewer)).with(csrf()).param("message", "Ajoutez la date."))
                .andExpect(status().isFound());
        mailContaining(applicant, "Ajoutez la date.");
        mvc.perform(multipart("/backpack/applications/{id}/resubmit", sent.id().value()).with(as(applicant)).with(csrf())
                        .param("narrative", "J'ai animé trois réunions de quartier en mars 2026.")
                        .param("reply", "Voici la date."))
                .andExpect(status().isFound());
        assertThat(only(applicant).revision()).isEqualTo(1);

        mvc.perform(post(review + "/award").with(atAddress(port)).with(as(reviewer)).with(csrf())
                        .param("level", "Je transmets").param("message", "Bravo."))
                .andExpect(status().isFound());
        ApplicationView awarded = only(applicant);
        assertThat(awarded.state()).isEqualTo(ApplicationState.AWARDED);
        assertThat(awarded.award()).isNotNull();

        String credential = new String(awards.credential(awarded.award()).orElseThrow(), StandardCharsets.UTF_8);
        String fileUrl = "http://127.0.0.1:" + port + "/apply/evidence/" + pdf;
        assertThat(credential).contains("en mars 2026", "https://example.org/reunions", fileUrl, "compte-rendu.pdf")
                .doesNotContain("https://example.org/prive", "photo.png");
        String assertion = mvc.perform(get("/ob2/assertions/{id}", awarded.award().value()).accept("application/ld+json")
                        .with(atAddress(port)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(assertion).contains("en mars 2026", "https://example.org/reunions", fileUrl)
                .doesNotContain("https://example.org/prive");
        mvc.perform(get("/apply/evidence/{id}", pdf))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(ApplicationFixture.PDF));
        UUID privatePng = awarded.evidence().stream().filter(e -> "photo.png".equals(e.fileName())).findFirst()
                .orElseThrow().id();
        mvc.perform(get("/apply/evidence/{id}", privatePng)).andExpect(status().isNotFound());

        verify("{\"credential\": " + credential + ", \"recipient\": \"" + applicant.email() + "\"}")
                .andExpect(jsonPath("$.spec").value("ob3"))
                .andExpect(jsonPath("$.verdict").value("valid"));
        assertThat(jdbc.queryForList("select action from audit_entry where organisation_id = ? and subject_id = ?"
                        + " order by created_at", String.class, organisation.value(), sent.id().value()))
                .containsExactly("APPLICATION_SUBMITTED", "APPLICATION_CHANGES_REQUESTED", "APPLICATION_SUBMITTED",
                        "APPLICATION_AWARDED");
        mailContaining(applicant, "est acceptée");
        assertThat(mailContaining(applicant, "/backpack/claim/").getSubject()).isEqualTo("Ligue de l'enseignement vous a décerné le badge « Animer une réunion »");
    }

    @Test
    void refusesWithAReasonThatIsMailed() throws Exception {
        ApplicationView sent = new ApplicationFixture(fixture, applications).submitted(badgeClass, applicant);
        String review = "/console/organisations/" + organisation.value() + "/applications/" + sent.id().value();
        mvc.perform(post(review + "/refuse").with(as(reviewer)).with(csrf()).param("message", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Écrivez un message pour la personne.")));
        mvc.perform(post(review + "/refuse").with(as(reviewer)).with(csrf()).param("message", "Hors sujet."))
                .andExpect(status().isFound());
        assertThat(only(applicant).state()).isEqualTo(ApplicationState.REFUSED);
        assertThat(text(mailContaining(applicant, "Hors sujet."))).contains("n&#39;a pas été acceptée");
        mvc.perform(get("/backpack/applications/{id}", sent.id().value()).with(as(applicant)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Hors sujet.")));
        mvc.perform(post(review + "/award").with(as(reviewer)).with(csrf()).param("level", "Je fais"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Quelqu&#39;un a déjà agi sur cette demande")));
    }

    @Test
    void refusesBadInputClearlyAndStoresNothing() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        apply(applicant, form("Récit").file(new MockMultipartFile("file0", "preuve.pdf", "application/pdf", svg)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("« preuve.pdf » n&#39;est ni un PDF ni une image JPEG ou PNG")))
                .andExpect(content().string(containsString("Récit")));
        byte[] html = "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8);
        apply(applicant, form("Récit").file(new MockMultipartFile("file0", "cv.pdf", "application/pdf", html)))
                .andExpect(status().isBadRequest());
        byte[] large = new byte[1024 * 1024 + 1];
        System.arraycopy(ApplicationFixture.PDF, 0, large, 0, ApplicationFixture.PDF.length);
        apply(applicant, form("Récit").file(new MockMultipartFile("file0", "gros.pdf", "application/pdf", large)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("« gros.pdf » dépasse 1 Mo.")));
        apply(applicant, form("Récit").param("link0", "javascript:alert(1)"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("n&#39;est pas une adresse web")));
        apply(applicant, form("Récit")).andExpect(status().isFound());
        assertThat(applications.mine(applicant.id())).hasSize(1);
        apply(applicant, form("Une deuxième fois"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Vous avez déjà une demande en cours pour ce badge")));
        assertThat(applications.mine(applicant.id())).hasSize(1);

        AccountUser other = fixture.account("Sacha");
        apply(other, multipart("/backpack/applications/new/{id}", badgeClass.value()).param("narrative", "Récit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Cochez la case de consentement")));
        badgeClasses.archive(organisation, badgeClass, owner.id());
        apply(other, form("Récit"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ce badge est archivé")));
        mvc.perform(get("/apply/{id}", badgeClass.value()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ce badge est archivé")));
        assertThat(applications.mine(other.id())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from application_file f join badge_application a"
                + " on a.id = f.application_id where a.badge_class_id = ?", Integer.class, badgeClass.value())).isZero();

        AccountUser unconfirmed = fixture.account("Alex");
        jdbc.update("update user_account set email_confirmed_at = null where id = ?", unconfirmed.id());
        badgeClass = fixture.published(organisation, owner);
        new ApplicationFixture(fixture, applications).open(organisation, badgeClass, owner);
        apply(unconfirmed, form("Récit")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Confirmez d&#39;abord votre adresse e-mail")));
    }

    @Test
    void letsNobodyReviewTheirOwnApplication() throws Exception {
        ApplicationView own = new ApplicationFixture(fixture, applications).submitted(badgeClass, reviewer);
        mvc.perform(post("/console/organisations/{org}/applications/{id}/award", organisation.value(), own.id().value())
                        .with(as(reviewer)).with(csrf()).param("level", "Je fais"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Vous ne pouvez pas relire votre propre demande.")));
        assertThat(applications.mine(reviewer.id()).get(0).state()).isEqualTo(ApplicationState.SUBMITTED);
    }

    @Test
    void letsTheApplicantWithdrawAndApplyAgain() throws Exception {
        ApplicationView sent = new ApplicationFixture(fixture, applications).submitted(badgeClass, applicant);
        mvc.perform(post("/backpack/applications/{id}/withdraw", sent.id().value()).with(as(applicant)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get("/backpack/applications").with(as(applicant)))
                .andExpect(content().string(containsString("Retirée")));
        mvc.perform(post("/backpack/applications/{id}/withdraw", sent.id().value()).with(as(reviewer)).with(csrf()))
                .andExpect(status().isNotFound());
        apply(applicant, form("De nouveau")).andExpect(status().isFound());
        assertThat(applications.mine(applicant.id())).extracting(ApplicationView::state)
                .containsExactly(ApplicationState.SUBMITTED, ApplicationState.WITHDRAWN);
    }

    /**
     * Two reviewers decide on one application at the same moment, each in its own transaction on its own
     * database connection: exactly one decision wins, the other is told someone acted first, one badge exists.
     */
    @Test
    void letsExactlyOneOfTwoConcurrentDecisionsWin() throws Exception {
        ApplicationFixture applied = new ApplicationFixture(fixture, applications);
        for (int round = 0; round < 5; round++) {
            ApplicationView sent = applied.submitted(badgeClass);
            ApplicationId id = sent.id();
            HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return attempt(() -> applications.award(organisation, id, reviewer.id(), "Je fais", null, urls));
                }));
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return attempt(() -> applications.refuse(organisation, id, secondReviewer.id(), "Trop tard."));
                }));
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).as(results.toString()).filteredOn("ok"::equals).hasSize(1);
                assertThat(results).as(results.toString()).filteredOn("error.application.state-changed"::equals)
                        .hasSize(1);
            } finally {
                pool.shutdown();
            }
            ApplicationView after = applications.mine(sent.applicantId(), id);
            int badges = jdbc.queryForObject("select count(*) from award where form_token = ?", Integer.class, id.value());
            assertThat(badges).isEqualTo(after.state() == ApplicationState.AWARDED ? 1 : 0);
            assertThat(after.state()).isIn(ApplicationState.AWARDED, ApplicationState.REFUSED);
        }
    }

    private static String attempt(java.util.function.Supplier<ApplicationView> decision) {
        try {
            decision.get();
            return "ok";
        } catch (ApplicationRefused refused) {
            return refused.messageKey();
        } catch (DomainException other) {
            return "other " + other.messageKey();
        }
    }

    private MockMultipartHttpServletRequestBuilder form(String narrative) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/backpack/applications/new/{id}", badgeClass.value())
                .param("narrative", narrative).param("consent", "on");
    }

    private ResultActions apply(AccountUser who, MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(atAddress(port)).with(as(who)).with(csrf()));
    }

    private ApplicationView only(AccountUser who) {
        List<ApplicationView> mine = applications.mine(who.id());
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    /** The first mail to {@code who} whose body contains {@code text}, waiting for it to arrive. */
    static MimeMessage mailContaining(AccountUser who, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : MailServer.mailsTo(who.email())) {
                if (text(mail).contains(text)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + who.email() + " containing " + text);
    }

    /** The mail's body decoded (the wire form is quoted-printable). */
    static String text(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResultActions verify(String body) throws Exception {
        var pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr"))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }
}
