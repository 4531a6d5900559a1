package org.insigne.web.issuer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person applies for a badge with two files, an answer to the issuer's question and the level they ask for,
 * a reviewer asks for changes, the person sends it again, the reviewer awards it (the level asked chosen for
 * them), and the badge lands in the person's backpack with the evidence they made public and verifies; another
 * application is refused. Every page passes axe, in French and in English, at 1280 and 390 pixels wide without
 * sideways scrolling.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class ApplicationBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ApplicationService applications;

    Browser browser;
    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser reviewer;
    OrganisationId organisation;
    BadgeClassId badgeClass;

    @BeforeEach
    void publishABadge() throws Exception {
        browser = Browser.open(port);
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Dominique");
        reviewer = fixture.account("Relectrice");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, reviewer, StaffRole.REVIEWER);
        badgeClass = fixture.published(organisation, owner);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void appliesWithTwoFilesIsAskedForChangesResubmitsAndGetsAVerifiedBadgeWithItsPublicEvidence() throws Exception {
        signIn(owner);
        browser.visit(organisationPath() + "/badge-classes/" + badgeClass.value());
        browser.click("Demandes de ce badge (« Demander ce badge »)");
        browser.fill("Consignes pour les candidats", "Racontez une réunion que vous avez animée.")
                .fill("Consignes pour les relecteurs", "Vérifiez le compte rendu.")
                .fill("Nombre maximal de fichiers par demande (0 à 10)", "2")
                .fill("Intitulé (200 caractères au plus)", "Dans quelle structure ?");
        browser.driver().findElement(By.id("q0Required")).click();
        browser.driver().findElement(By.id("askLevel")).click();
        browser.click("Ouvrir aux demandes");
        assertThat(browser.text()).contains("Les demandes sont ouvertes.", "/apply/" + badgeClass.value());
        signOut();

        AccountUser applicant = fixture.account("Camille");
        browser.visit("/apply/" + badgeClass.value());
        assertThat(browser.heading()).isEqualTo("Demander le badge « Animer une réunion »");
        browser.click("Demander ce badge");
        browser.logIn(applicant.email(), ConsoleFixture.PASSWORD);
        browser.assertAccessible();
        assertThat(browser.heading()).isEqualTo("Ma demande du badge « Animer une réunion »");
        browser.fill("Votre expérience", "J'ai animé trois réunions de quartier.")
                .fill("Dans quelle structure ?", "Centre social des Provinces")
                .fill("Lien 1", "https://example.org/reunions");
        new Select(browser.field("Niveau que vous demandez")).selectByVisibleText("Je transmets");
        browser.field("Fichier 1").sendKeys(file("compte-rendu.pdf", ApplicationFixture.PDF).toString());
        browser.field("Fichier 2").sendKeys(file("photo.png", ConsoleFixture.PNG_BYTES).toString());
        browser.driver().findElement(By.name("file0Public")).click();
        browser.driver().findElement(By.id("consent")).click();
        browser.click("Envoyer ma demande");
        assertThat(browser.text()).contains("Votre demande est envoyée.", "Envoyée, en attente de relecture",
                "compte-rendu.pdf", "photo.png", "Dans quelle structure ?", "Centre social des Provinces",
                "Niveau demandé : Je transmets");
        signOut();

        signIn(reviewer);
        browser.visit(organisationPath());
        browser.click("Demandes à relire");
        assertThat(browser.text()).contains("Camille", "Animer une réunion");
        browser.click("Camille");
        assertThat(browser.text()).contains("Vérifiez le compte rendu.", "J'ai animé trois réunions de quartier.",
                "Avoir animé trois réunions.", "Centre social des Provinces");
        browser.fill("Votre remarque sur le critère 1 (facultatif)", "Trois réunions, sans leurs dates.")
                .fill("Message à la personne", "Ajoutez la date des réunions.")
                .click("Demander des changements");
        assertThat(browser.text()).contains("Les changements sont demandés");
        signOut();

        signIn(applicant);
        browser.visit("/backpack");
        browser.click("Mes demandes de badge");
        browser.click("Animer une réunion");
        assertThat(browser.text()).contains("Changements demandés", "Ajoutez la date des réunions.");
        browser.fill("Votre expérience", "J'ai animé trois réunions de quartier en mars 2026.")
                .fill("Votre réponse au relecteur", "Voici les dates.")
                .click("Renvoyer ma demande");
        assertThat(browser.text()).contains("Votre demande est renvoyée.", "renvoyée 1 fois");
        signOut();

        signIn(reviewer);
        browser.visit(organisationPath() + "/applications");
        browser.click("Camille");
        assertThat(new Select(browser.field("Niveau atteint")).getFirstSelectedOption().getText())
                .isEqualTo("Je transmets");
        assertThat(browser.text()).contains("Relectures",
                "Non rempli : Avoir animé trois réunions. — Trois réunions, sans leurs dates.");
        browser.driver().findElement(By.id("check0")).click();
        browser.click("Décerner le badge");
        assertThat(browser.text()).contains("Le badge est décerné");
        signOut();

        signIn(applicant);
        ApplicationView awarded = applications.mine(applicant.id()).get(0);
        browser.visit("/backpack/claim/" + awarded.award().value());
        browser.click("Ajouter à mon sac à badges");
        browser.visit("/backpack");
        browser.click("Animer une réunion");
        assertThat(browser.text()).contains("J'ai animé trois réunions de quartier en mars 2026.");
        List<String> evidence = browser.driver().findElements(By.xpath("//a[normalize-space(.)='Voir la preuve']"))
                .stream().map(a -> a.getAttribute("href")).toList();
        assertThat(evidence).anyMatch(href -> href.contains("/apply/evidence/"))
                .contains("https://example.org/reunions");
        assertThat(evidence).hasSize(2);

        byte[] original = jdbc.queryForObject("select original from backpack_badge where owner_id = ?", byte[].class,
                applicant.id());
        assertThat(verify(original, applicant.email())).contains("\"verdict\":\"valid\"");
    }

    @Test
    void refusesAnApplicationWithAReasonTheApplicantReads() throws Exception {
        new ApplicationFixture(fixture, applications).open(organisation, badgeClass, owner);
        AccountUser applicant = fixture.account("Sacha");
        new ApplicationFixture(fixture, applications).submitted(badgeClass, applicant);

        signIn(reviewer);
        browser.visit(organisationPath() + "/applications");
        browser.click("Sacha");
        browser.fill("Message à la personne", "Le compte rendu ne montre pas l'animation.")
                .click("Refuser la demande");
        assertThat(browser.text()).contains("La demande est refusée");
        signOut();

        signIn(applicant);
        browser.visit("/backpack/applications");
        assertThat(browser.text()).contains("Refusée");
        browser.click("Animer une réunion");
        assertThat(browser.text()).contains("Demande refusée", "Le compte rendu ne montre pas l'animation.")
                .doesNotContain("Retirer ma demande");
    }

    /**
     * Every new page in both languages and at both widths: axe finds nothing, nothing scrolls sideways. With
     * {@code INSIGNE_SHOTS_DIR} set, each is also saved as a PNG to be looked at.
     */
    @Test
    void showsEveryPageInFrenchAndEnglishOnAPhoneAndADesktop() throws Exception {
        ApplicationFixture applied = new ApplicationFixture(fixture, applications);
        applied.openWithQuestions(organisation, badgeClass, owner);
        AccountUser applicant = fixture.account("Camille");
        ApplicationView sent = applied.answered(badgeClass, applicant);
        AccountUser other = fixture.account("Sacha");
        String review = organisationPath() + "/applications/" + sent.id().value();
        List<Page> pages = List.of(
                new Page("apply", null, "/apply/" + badgeClass.value()),
                new Page("apply-form", other, "/backpack/applications/new/" + badgeClass.value()),
                new Page("mine", applicant, "/backpack/applications"),
                new Page("detail", applicant, "/backpack/applications/" + sent.id().value()),
                new Page("settings", owner, organisationPath() + "/badge-classes/" + badgeClass.value() + "/applications"),
                new Page("queue", reviewer, organisationPath() + "/applications"),
                new Page("review", reviewer, review));
        AccountUser signedIn = null;
        for (Page page : pages) {
            if (page.who() != signedIn) {
                if (signedIn != null) {
                    signOut();
                }
                if (page.who() != null) {
                    signIn(page.who());
                }
                signedIn = page.who();
            }
            for (String lang : List.of("fr", "en")) {
                for (int width : List.of(1280, 390)) {
                    browser.driver().manage().window().setSize(new Dimension(width, 900));
                    browser.visit(page.path() + "?lang=" + lang);
                    assertThat(browser.htmlLang()).isEqualTo(lang);
                    assertThat(browser.text()).doesNotContain("??");
                    long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertThat(overflow).as(page.name() + " " + lang + " " + width).isLessThanOrEqualTo(0);
                    shoot(page.name() + "-" + lang + "-" + width);
                }
            }
        }
        browser.visit(review + "?lang=en");
        assertThat(browser.text()).contains("Award the badge", "Ask for changes", "Refuse the application");
        browser.visit(review + "?lang=fr");
    }

    record Page(String name, AccountUser who, String path) {
    }

    private void shoot(String name) throws IOException {
        String dir = System.getenv("INSIGNE_SHOTS_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Long height = (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight;");
        Dimension size = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 120, 4000)));
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir, name + ".png"), png);
        browser.driver().manage().window().setSize(size);
    }

    private void signIn(AccountUser who) {
        // The language chosen last is remembered; the login form is filled by its French labels.
        browser.visit("/login?lang=fr");
        browser.logIn(who.email(), ConsoleFixture.PASSWORD);
    }

    private void signOut() {
        browser.logOut();
    }

    private String organisationPath() {
        return "/console/organisations/" + organisation.value();
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("evidence");
        return Files.write(dir.resolve(name), content);
    }

    /** Sends the badge file as kept in the backpack to the public verification API, as any verifier would. */
    private String verify(byte[] badge, String email) throws Exception {
        var pending = mvc.perform(multipart("/api/v1/verifications")
                        .file(new MockMultipartFile("file", "badge.png", "image/png", badge)).param("recipient", email))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
