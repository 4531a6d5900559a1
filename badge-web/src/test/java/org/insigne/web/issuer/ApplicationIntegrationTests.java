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
import static org.hamcrest.Matchers.not;
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
    @Autowired org.insigne.issuer.application.ApplicationRetention retention;
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
    void asksQuestionsAndALevelKeepsWhatWasTypedOnARefusalAndShowsTheAnswersToBothSides() throws Exception {
        String settings = "/console/organisations/" + organisation.value() + "/badge-classes/" + badgeClass.value()
                + "/applications";
        mvc.perform(post(settings).with(as(owner)).with(csrf()).param("maxFiles", "1").param("maxFileMegabytes", "1")
                        .param("q0Label", "Combien de participants ?").param("q0Kind", "CHOICE")
                        .param("q0Choices", "Beaucoup"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "« Combien de participants ? » : proposez de 2 à 20 choix différents, un par ligne.")))
                .andExpect(content().string(containsString("value=\"Combien de participants ?\"")))
                .andExpect(content().string(containsString(">Beaucoup</textarea>")));
        new ApplicationFixture(fixture, applications).openWithQuestions(organisation, badgeClass, owner);
        mvc.perform(get(settings).with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Dans quelle structure ?\"")))
                .andExpect(content().string(containsString("Moins de 10\nPlus de 10</textarea>")));

        mvc.perform(get("/backpack/applications/new/{id}", badgeClass.value()).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Niveau que vous demandez")))
                .andExpect(content().string(containsString("Ce que vous avez appris (facultatif)")))
                .andExpect(content().string(containsString("Son nom suffit.")));
        apply(applicant, form("Mon récit").param("level", "Je transmets").param("answer1", "Plus de 10")
                        .param("answer2", "Ce que j'ai appris"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "« Dans quelle structure ? » : cette réponse est obligatoire.")))
                .andExpect(content().string(containsString("Mon récit")))
                .andExpect(content().string(containsString("Ce que j&#39;ai appris</textarea>")))
                .andExpect(content().string(containsString("value=\"Je transmets\" selected")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
                        "(?s).*value=\"Plus de 10\"[^>]*checked.*")));
        apply(applicant, form("Mon récit").param("level", "Je transmets").param("answer0", "x".repeat(41))
                        .param("answer1", "Plus de 10"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("la réponse dépasse 40 caractères.")));
        apply(applicant, form("Mon récit").param("level", "Expert").param("answer0", "Centre")
                        .param("answer1", "Plus de 10"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez le niveau que vous demandez")));
        apply(applicant, form("Mon récit").param("level", "Je fais").param("answer0", "Centre")
                        .param("answer1", "Plus de 10").param("answer4", "2026-02-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("une date entre 1900 et 2100")));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        apply(applicant, form("Mon récit").param("level", "Je fais").param("answer0", "Centre")
                        .param("answer1", "Plus de 10")
                        .file(new MockMultipartFile("answer6File", "attestation.pdf", "application/pdf", html)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("« attestation.pdf » n&#39;est ni un PDF")));
        assertThat(applications.mine(applicant.id())).isEmpty();

        apply(applicant, form("Mon récit").param("level", "Je transmets").param("answer0", "Centre social")
                        .param("answer1", "Plus de 10").param("answer4", "2026-03-01").param("answer5", "on")
                        .file(new MockMultipartFile("answer6File", "attestation.pdf", "application/pdf",
                                ApplicationFixture.PDF)))
                .andExpect(status().isFound());
        ApplicationView sent = only(applicant);
        assertThat(sent.level()).isEqualTo("Je transmets");
        assertThat(sent.answers()).extracting(a -> a.content()).containsExactly("Centre social", "Plus de 10", null,
                null, "2026-03-01", "true", "attestation.pdf");
        assertThat(sent.evidence()).isEmpty();
        UUID attestation = sent.answers().get(6).fileId();

        String review = "/console/organisations/" + organisation.value() + "/applications/" + sent.id().value();
        mvc.perform(get(review).with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Réponses aux questions")))
                .andExpect(content().string(containsString("Centre social")))
                .andExpect(content().string(containsString("1 mars 2026")))
                .andExpect(content().string(containsString("Sans réponse")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
                        "(?s).*value=\"Je transmets\"[^>]*selected.*")));
        mvc.perform(get(review + "/files/" + attestation).with(as(reviewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(ApplicationFixture.PDF));
        mvc.perform(get("/backpack/applications/{id}", sent.id().value()).param("lang", "en").with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Answers to the questions")))
                .andExpect(content().string(containsString("1 March 2026")))
                .andExpect(content().string(containsString("Level asked for:")));

        mvc.perform(post(review + "/award").with(atAddress(port)).with(as(reviewer)).with(csrf())
                        .param("level", "Je fais"))
                .andExpect(status().isFound());
        // A file answer is for reviewers: never public, even once awarded.
        mvc.perform(get("/apply/evidence/{id}", attestation)).andExpect(status().isNotFound());
    }

    @Test
    void awardsOnceTwoDistinctReviewersApprovedAndKeepsEachChecklist() throws Exception {
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/applications", organisation.value(),
                        badgeClass.value()).with(as(owner)).with(csrf()).param("maxFiles", "1")
                        .param("maxFileMegabytes", "1").param("requiredApprovals", "6"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le nombre d&#39;accords va de 1 à 5.")));
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/applications", organisation.value(),
                        badgeClass.value()).with(as(owner)).with(csrf()).param("maxFiles", "1")
                        .param("linksAccepted", "on").param("maxFileMegabytes", "1").param("requiredApprovals", "2"))
                .andExpect(status().isFound());
        ApplicationView sent = new ApplicationFixture(fixture, applications).submitted(badgeClass, applicant);
        String review = "/console/organisations/" + organisation.value() + "/applications/" + sent.id().value();

        mvc.perform(post(review + "/changes").with(as(reviewer)).with(csrf()).param("check0", "on")
                        .param("note0", "Compte rendu probant").param("message", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Écrivez un message pour la personne.")))
                .andExpect(content().string(containsString(">Compte rendu probant</textarea>")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex(
                        "(?s).*name=\"check0\"[^>]*checked.*")));
        mvc.perform(post(review + "/award").with(atAddress(port)).with(as(reviewer)).with(csrf())
                        .param("level", "Je fais").param("check0", "on").param("note0", "Compte rendu probant"))
                .andExpect(status().isFound());
        assertThat(only(applicant).state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(jdbc.queryForObject("select count(*) from award where form_token = ?", Integer.class,
                sent.id().value())).isZero();
        mvc.perform(post(review + "/award").with(atAddress(port)).with(as(reviewer)).with(csrf())
                        .param("level", "Je fais"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Vous avez déjà donné votre accord")));
        mvc.perform(get(review).with(as(secondReviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Accords déjà donnés : 1 sur les 2 nécessaires.")))
                .andExpect(content().string(containsString("Rempli")))
                .andExpect(content().string(containsString("Compte rendu probant")))
                .andExpect(content().string(containsString("Décerner le badge")));

        mvc.perform(post(review + "/award").with(atAddress(port)).with(as(secondReviewer)).with(csrf())
                        .param("level", "Je transmets"))
                .andExpect(status().isFound());
        ApplicationView awarded = only(applicant);
        assertThat(awarded.state()).isEqualTo(ApplicationState.AWARDED);
        assertThat(awarded.history()).extracting(e -> e.kind().name())
                .containsExactly("SUBMITTED", "APPROVED", "AWARDED");
        assertThat(jdbc.queryForObject("select count(*) from award where form_token = ?", Integer.class,
                sent.id().value())).isEqualTo(1);
        assertThat(jdbc.queryForList("select r.reviewer_id::text || ' ' || c.criterion || ' ' || c.met || ' ' || c.note"
                        + " from application_review r join application_review_check c on c.review_id = r.id"
                        + " where r.application_id = ? order by r.at", String.class, sent.id().value()))
                .containsExactly(reviewer.id() + " Avoir animé trois réunions. true Compte rendu probant",
                        secondReviewer.id() + " Avoir animé trois réunions. false ");
        assertThat(jdbc.queryForList("select action from audit_entry where subject_id = ? order by created_at",
                String.class, sent.id().value()))
                .containsExactly("APPLICATION_SUBMITTED", "APPLICATION_APPROVED", "APPLICATION_AWARDED");
    }

    @Test
    void filtersTheQueueByAgeAndAssignmentAndTellsHowLongEachWaited() throws Exception {
        ApplicationFixture applied = new ApplicationFixture(fixture, applications);
        ApplicationView old = applied.submitted(badgeClass, applicant);
        applied.submitted(badgeClass, fixture.account("Sacha"));
        jdbc.update("update badge_application set submitted_at = now() - interval '10 days 2 hours' where id = ?",
                old.id().value());
        String queue = "/console/organisations/" + organisation.value() + "/applications";
        mvc.perform(get(queue).with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("10 jours")))
                .andExpect(content().string(containsString("moins d&#39;une heure")));
        mvc.perform(get(queue).param("age", "7").with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Camille")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Sacha"))));
        mvc.perform(get(queue).param("age", "-3").param("lang", "en").with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("10 days")))
                .andExpect(content().string(containsString("Sacha")));

        String review = queue + "/" + old.id().value();
        mvc.perform(post(review + "/assign").with(as(secondReviewer)).with(csrf())
                        .param("assignee", reviewer.id().toString()))
                .andExpect(status().isFound());
        mvc.perform(get(queue).param("mine", "on").with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Camille")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Sacha"))));
        mvc.perform(get(queue).param("mine", "on").with(as(secondReviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Aucune demande ne correspond.")));
        mvc.perform(get(review).with(as(secondReviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Assignée à Reviewer.")));
        for (String nobody : List.of(applicant.id().toString(), "pas-un-id")) {
            mvc.perform(post(review + "/assign").with(as(secondReviewer)).with(csrf()).param("assignee", nobody))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Cette personne ne peut pas relire")));
        }
        mvc.perform(post(review + "/assign").with(as(applicant)).with(csrf()).param("assignee", ""))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select assignee_id from badge_application where id = ?", UUID.class,
                old.id().value())).isEqualTo(reviewer.id());
    }

    @Test
    void letsTheApplicantRewriteAnswersAndEvidenceOnResubmitAndShowsTheReviewerWhatChanged() throws Exception {
        ApplicationFixture applied = new ApplicationFixture(fixture, applications);
        applied.openWithQuestions(organisation, badgeClass, owner);
        ApplicationView sent = applied.answered(badgeClass, applicant);
        UUID oldAttestation = sent.answers().get(6).fileId();
        applications.askForChanges(organisation, sent.id(), reviewer.id(), "Précisez la structure.");
        mvc.perform(get("/backpack/applications/{id}", sent.id().value()).with(as(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Centre social des Provinces\"")))
                .andExpect(content().string(containsString("À laisser parler chacun.")));

        mvc.perform(multipart("/backpack/applications/{id}/resubmit", sent.id().value())
                        .file(new MockMultipartFile("file0", "photo.png", "image/png", PNG)).param("file0Public", "on")
                        .param("narrative", "J'ai animé trois réunions de quartier.")
                        .param("level", "Je pilote")
                        .param("answer0", "Centre social des Provinces, Blois").param("answer1", "Plus de 10")
                        .param("answer2", "À laisser parler chacun.").param("answer3", "https://example.org/centre")
                        .param("answer4", "2026-03-01").param("answer5", "on")
                        .param("reply", "C'est précisé.")
                        .with(as(applicant)).with(csrf()))
                .andExpect(status().isFound());
        ApplicationView again = only(applicant);
        assertThat(again.revision()).isEqualTo(1);
        assertThat(again.level()).isEqualTo("Je pilote");
        assertThat(again.answers().get(0).content()).isEqualTo("Centre social des Provinces, Blois");
        assertThat(again.answers().get(6).content()).isEqualTo("attestation.pdf");
        assertThat(again.evidence()).extracting(e -> e.fileName()).containsExactly("photo.png");
        assertThat(jdbc.queryForObject("select count(*) from application_file where id = ?", Integer.class,
                oldAttestation)).isZero();
        mvc.perform(get("/backpack/applications/{id}/files/{file}", sent.id().value(), again.answers().get(6).fileId())
                        .with(as(applicant)))
                .andExpect(status().isOk()).andExpect(content().bytes(ApplicationFixture.PDF));

        String review = "/console/organisations/" + organisation.value() + "/applications/" + sent.id().value();
        mvc.perform(get(review).with(as(reviewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Niveau demandé changé : Je pilote")))
                .andExpect(content().string(containsString("Réponse modifiée : « Dans quelle structure ? »")))
                .andExpect(content().string(containsString("Preuves ajoutées : 1")))
                .andExpect(content().string(containsString("Centre social des Provinces, Blois")))
                .andExpect(content().string(not(containsString("Réponse modifiée : « Combien de participants ? »"))))
                .andExpect(content().string(not(containsString("Récit modifié"))));

        applications.askForChanges(organisation, sent.id(), reviewer.id(), "Retirez la photo.");
        UUID photo = again.evidence().get(0).id();
        mvc.perform(multipart("/backpack/applications/{id}/resubmit", sent.id().value())
                        .param("narrative", "J'ai animé quatre réunions.").param("level", "Je pilote")
                        .param("answer0", "Centre social des Provinces, Blois").param("answer1", "Plus de 10")
                        .param("remove", photo.toString()).param("remove", "pas-un-identifiant")
                        .with(as(applicant)).with(csrf()))
                .andExpect(status().isFound());
        ApplicationView third = only(applicant);
        assertThat(third.revision()).isEqualTo(2);
        assertThat(third.evidence()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from application_file where id = ?", Integer.class, photo))
                .isZero();
        assertThat(third.history().get(third.history().size() - 1).changeList())
                .extracting(c -> c.key() + " " + c.arg())
                .contains("narrative ", "evidence-removed 1", "answer Ce que vous avez appris");
    }

    @Test
    void erasesRefusedAndWithdrawnApplicationsPastRetentionAndForgetsTheApplicantWithTheAccount() throws Exception {
        ApplicationFixture applied = new ApplicationFixture(fixture, applications);
        HostedUrls urls = new HostedUrls("http://127.0.0.1:" + port);
        ApplicationView refused = applied.submitted(badgeClass);
        applications.refuse(organisation, refused.id(), reviewer.id(), "Non.");
        ApplicationView withdrawn = applied.submitted(badgeClass);
        applications.withdraw(withdrawn.applicantId(), withdrawn.id());
        ApplicationView recent = applied.submitted(badgeClass);
        applications.refuse(organisation, recent.id(), reviewer.id(), "Pas encore.");
        ApplicationView awarded = applied.submitted(badgeClass, applicant);
        applications.award(organisation, awarded.id(), reviewer.id(), "Je fais", null, urls);
        jdbc.update("update application_event set at = at - interval '400 days' where application_id in (?, ?, ?)",
                refused.id().value(), withdrawn.id().value(), awarded.id().value());

        assertThat(retention.eraseClosed(java.time.Instant.now(), Duration.ofDays(365))).isEqualTo(2);
        assertThat(jdbc.queryForList("select id from badge_application where badge_class_id = ?", UUID.class,
                badgeClass.value())).containsExactlyInAnyOrder(recent.id().value(), awarded.id().value());
        assertThat(jdbc.queryForObject("select count(*) from application_file where application_id in (?, ?)",
                Integer.class, refused.id().value(), withdrawn.id().value())).isZero();

        byte[] export = mvc.perform(get("/account/export").with(as(applicant))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String account = new String(unzip(export, "account.json"), StandardCharsets.UTF_8);
        assertThat(account).contains("\"applications\"", "J'ai animé trois réunions de quartier.", "AWARDED",
                "compte-rendu.pdf");

        retention.forgetApplicant(applicant.id());
        ApplicationView kept = applications.mine(applicant.id()).get(0);
        assertThat(kept.narrative()).isEmpty();
        assertThat(kept.applicantEmail()).isEqualTo("erased@invalid");
        assertThat(kept.evidence()).extracting(e -> e.isFile() ? e.fileName() : e.url())
                .containsExactly("https://example.org/compte-rendu", "compte-rendu.pdf");
        UUID file = kept.evidence().get(1).id();
        mvc.perform(get("/apply/evidence/{id}", file)).andExpect(status().isOk())
                .andExpect(content().bytes(ApplicationFixture.PDF));
    }

    private static byte[] unzip(byte[] zip, String name) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the export");
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

    /**
     * Two reviewers, each signed in through the login form in a browser-like client of their own (their own
     * session cookie and connection), press "award" on one application at the same moment: one badge, and the
     * other reviewer reads that someone acted first.
     */
    @Test
    void awardsOnceWhenTwoSignedInReviewersPressAwardTogether() throws Exception {
        ApplicationView sent = new ApplicationFixture(fixture, applications).submitted(badgeClass);
        String review = "/console/organisations/" + organisation.value() + "/applications/" + sent.id().value();
        List<SignedIn> clients = List.of(new SignedIn(port, reviewer.email()), new SignedIn(port, secondReviewer.email()));
        List<String> tokens = new ArrayList<>();
        for (SignedIn client : clients) {
            tokens.add(SignedIn.hidden(client.get(review).body(), "_csrf"));
        }
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SignedIn client = clients.get(i);
                String token = tokens.get(i);
                answers.add(pool.submit(() -> {
                    together.await();
                    return client.post(review + "/award", "level=Je+fais&_csrf="
                            + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            String refusal = "";
            for (Future<java.net.http.HttpResponse<String>> answer : answers) {
                java.net.http.HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    refusal = response.body();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(302, 409);
            assertThat(refusal).contains("Quelqu&#39;un a déjà agi sur cette demande");
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from award where form_token = ?", Integer.class,
                sent.id().value())).isEqualTo(1);
        assertThat(applications.mine(sent.applicantId(), sent.id()).state()).isEqualTo(ApplicationState.AWARDED);
    }

    /** A client with its own cookies and connections, signed in through the login form. */
    private static final class SignedIn {

        private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile(
                "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        private final String base;

        SignedIn(int port, String email) throws Exception {
            this.base = "http://127.0.0.1:" + port;
            String token = hidden(get("/login").body(), "_csrf");
            java.net.http.HttpResponse<String> login = post("/login", "username="
                    + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + java.net.URLEncoder.encode(ConsoleFixture.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(login.headers().firstValue("Location")).get().asString().doesNotContain("error");
        }

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        java.net.http.HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        static String hidden(String html, String name) {
            java.util.regex.Matcher m = HIDDEN.matcher(html);
            while (m.find()) {
                if (m.group(1).equals(name)) {
                    return m.group(2).replace("&amp;", "&");
                }
            }
            throw new AssertionError("no hidden field " + name);
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
