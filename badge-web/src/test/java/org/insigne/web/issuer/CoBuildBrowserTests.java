package org.insigne.web.issuer;

import java.time.Duration;
import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A co-built badge, end to end, twice: written with the person on the animator's screen, and by the person
 * alone through the mailed link (stopping halfway and coming back); each is validated, awarded, mailed, and its
 * OB 3.0 credential verifies valid through the verification API. Every page passes axe; each walk switches
 * language (French, English) and width (1280, then 390 pixels without sideways scrolling) on the way.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class CoBuildBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;

    Browser browser;
    AccountUser owner;
    OrganisationId organisation;

    @BeforeEach
    void openAnOrganisation() throws Exception {
        browser = Browser.open(port);
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Dominique");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        // Its tags and alignments are the suggestions of the second step.
        fixture.published(organisation, owner);
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.visit("/login?lang=fr");
        browser.logIn(owner.email(), ConsoleFixture.PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void coBuildsABadgeOnOneScreenAwardedAndValid() throws Exception {
        String email = person();
        browser.visit(console());
        browser.click("Badges co-construits");
        assertThat(browser.heading()).isEqualTo("Badges co-construits · Ligue de l'enseignement");
        browser.shoot("cobuild-list-fr-1280");
        browser.fill("Nom de la personne", "Camille Martin").fill("Son adresse e-mail", "pas une adresse")
                .click("Commencer");
        assertThat(browser.text()).contains("Écrivez une adresse e-mail valable");
        assertThat(browser.field("Nom de la personne").getAttribute("value")).isEqualTo("Camille Martin");
        browser.fill("Son adresse e-mail", email).click("Commencer");

        assertThat(browser.text()).contains("Étape 1 sur 7");
        assertThat(browser.heading()).isEqualTo("Racontez ce que vous avez fait.");
        browser.click("Continuer");
        assertThat(browser.text()).contains("Racontez votre expérience en 5000 caractères au plus");
        browser.fill("Votre expérience", "J'ai accueilli des jeunes au centre social tout l'été.").click("Continuer");
        assertThat(browser.heading()).isEqualTo("Qu'est-ce que cela montre que vous savez faire ?");
        assertThat(browser.text()).contains("animation");
        browser.shoot("cobuild-skills-fr-1280");
        browser.fill("Ce que vous savez faire", "Je sais accueillir un groupe et l'aider à s'organiser.");
        browser.driver().findElement(By.id("tag0")).click();
        browser.click("Continuer");
        browser.driver().findElement(By.id("level1")).click();
        browser.click("Continuer");

        // The person takes the phone: English, 390 px.
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.visit(browser.driver().getCurrentUrl() + "?lang=en").assertFitsWidth();
        assertThat(browser.heading()).isEqualTo("Do you have evidence to show?");
        assertThat(browser.text()).contains("Step 4 of 7");
        browser.fill("Link 1", "javascript:alert(1)").click("Continue");
        assertThat(browser.text()).contains("A link must start with http:// or https://");
        browser.shoot("cobuild-evidence-error-en-390");
        assertThat(browser.field("Link 1").getAttribute("value")).isEqualTo("javascript:alert(1)");
        browser.fill("Link 1", "https://preuve.example/photos").click("Continue");
        browser.fill("Badge name", "Accueillir un groupe")
                .fill("What the badge recognises", "Accueillir un groupe de jeunes et l'aider à s'organiser.")
                .click("Continue");
        browser.assertFitsWidth().shoot("cobuild-image-en-390");
        browser.driver().findElement(By.id("shape-shield")).click();
        browser.driver().findElement(By.id("colour-purple")).click();
        browser.click("Continue");
        assertThat(browser.heading()).isEqualTo("Read your badge again.");
        assertThat(browser.text()).contains("Accueillir un groupe", "Je transmets", "https://preuve.example/photos");
        browser.assertFitsWidth().shoot("cobuild-consent-en-390");
        browser.click("I validate my badge");
        assertThat(browser.text()).contains("Tick the box to validate your badge.");
        browser.driver().findElement(By.id("confirmed")).click();
        browser.click("I validate my badge");

        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.visit(browser.driver().getCurrentUrl() + "?lang=fr");
        assertThat(browser.text()).contains("Validé par la personne");
        browser.click("Décerner ce badge");
        assertThat(browser.text()).contains("Le badge est décerné", "Décerné");
        browser.shoot("cobuild-detail-awarded-fr-1280");
        browser.click("Voir le badge décerné");
        assertThat(browser.text()).contains("Accueillir un groupe");

        assertAwardedAndValid(email, 1, "Accueillir un groupe");
    }

    @Test
    void coBuildsABadgeThroughTheMailedLinkAwardedAndValid() throws Exception {
        String email = person();
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.visit(console() + "/cobuilds?lang=en").assertFitsWidth();
        browser.fill("Person's name", "Sacha Bernard").fill("Their e-mail address", email);
        browser.driver().findElement(By.id("mode-LINK")).click();
        browser.click("Start");
        assertThat(browser.text()).contains("The link was sent to the person.", "Draft");
        browser.shoot("cobuild-detail-en-390");
        browser.assertFitsWidth();
        String link = MailServer.link(MailServer.awaitMail(email, 1, Duration.ofSeconds(20)), "/co-construction/");
        browser.logOut();

        browser.visit(link + "?lang=fr").assertFitsWidth();
        assertThat(browser.heading()).isEqualTo("Racontez ce que vous avez fait.");
        browser.shoot("cobuild-link-experience-fr-390");
        browser.fill("Votre expérience", "J'ai tenu la buvette du club chaque samedi.").click("Continuer");
        browser.click("Enregistrer et reprendre plus tard");
        assertThat(browser.text()).contains("Écrivez ce que vous savez faire en 2000 caractères au plus");
        browser.fill("Ce que vous savez faire", "Je sais tenir une caisse.").click("Enregistrer et reprendre plus tard");
        assertThat(browser.heading()).isEqualTo("Vos réponses sont gardées");
        browser.shoot("cobuild-link-saved-fr-390");

        browser.visit(link).assertFitsWidth();
        assertThat(browser.heading()).isEqualTo("À quel niveau le faites-vous ?");
        browser.driver().findElement(By.id("level0")).click();
        browser.click("Continuer");
        browser.click("Continuer");
        browser.fill("Nom du badge", "Tenir la buvette").fill("Ce que le badge reconnaît", "Tenir une buvette et sa caisse.")
                .click("Continuer");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.visit(browser.driver().getCurrentUrl() + "?lang=en");
        browser.shoot("cobuild-link-image-en-1280");
        browser.driver().findElement(By.id("colour-green")).click();
        browser.click("Continue");
        browser.driver().findElement(By.id("confirmed")).click();
        browser.click("I validate my badge");
        assertThat(browser.heading()).isEqualTo("Thank you, your badge is validated");
        browser.visit(link);
        assertThat(browser.text()).contains("This link no longer works");

        browser.visit("/login?lang=fr");
        browser.logIn(owner.email(), ConsoleFixture.PASSWORD);
        browser.visit(console() + "/cobuilds");
        browser.click("Sacha Bernard");
        assertThat(browser.text()).contains("Validé par la personne", "Tenir la buvette");
        browser.click("Décerner ce badge");
        assertThat(browser.text()).contains("Le badge est décerné");

        assertAwardedAndValid(email, 2, "Tenir la buvette");
    }

    /** The award went the ordinary way: mailed, and its credential verifies valid for the person's address. */
    private void assertAwardedAndValid(String email, int mailNumber, String badgeName) throws Exception {
        assertThat(MailServer.awaitMail(email, mailNumber, Duration.ofSeconds(20)).getSubject())
                .contains(badgeName, "Ligue de l'enseignement");
        UUID award = jdbc.queryForObject("select award_id from cobuild where person_email = ?", UUID.class, email);
        byte[] credential = jdbc.queryForObject("select ob3_credential from award where id = ?", byte[].class, award);
        assertThat(new String(credential, java.nio.charset.StandardCharsets.UTF_8)).contains("\"narrative\"");
        assertThat(ApplyLinkIntegrationTests.verify(mvc, new MockMultipartFile("file", "badge.json",
                "application/json", credential), email)).contains("\"verdict\":\"valid\"");
    }

    private static String person() {
        return "personne." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private String console() {
        return "/console/organisations/" + organisation.value();
    }
}
