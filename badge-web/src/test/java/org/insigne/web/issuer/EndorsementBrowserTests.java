package org.insigne.web.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An issuer asks another organisation to endorse its badge class; the endorser's owner answers from the
 * console, first without a comment (refused with a message), then with one; the badge class's public page shows
 * it; and an earner has their badge endorsed by a person without an account. Every page passes axe in French
 * and English, at 1280 and 390 px wide without sideways scrolling.
 */
@Tag("browser")
@InsigneIntegrationTest
class EndorsementBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired PublicProfileService profiles;
    @Autowired AwardService awards;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void issuerAsksAndEndorserAccepts() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        AccountUser issuer = fixture.account("Marie");
        OrganisationId organisation = fixture.organisation(issuer, "Centre social Éole");
        BadgeClassId badgeClass = fixture.published(organisation, issuer);
        AccountUser endorser = fixture.account("Paul");
        OrganisationId federation = fixture.organisation(endorser, "Fédération des centres sociaux");

        browser.visit("/login");
        browser.logIn(issuer.email(), ConsoleFixture.PASSWORD);
        browser.visit("/console/organisations/" + organisation.value());
        browser.click("Recommandations");
        assertThat(browser.heading()).isEqualTo("Recommandations : Centre social Éole");
        // By value: other tests' organisations share this database and some of these names.
        new Select(browser.field("Organisation à qui demander")).selectByValue(federation.value().toString());
        new Select(browser.field("Ce qu'elle recommanderait")).selectByVisibleText("Le badge « Animer une réunion »");
        browser.click("Envoyer la demande");
        assertThat(browser.text()).contains("La demande a été envoyée", "Fédération des centres sociaux pour « Animer une réunion » — en attente de réponse");
        shoot("request-sent");
        browser.driver().manage().deleteAllCookies();

        browser.visit("/login");
        browser.logIn(endorser.email(), ConsoleFixture.PASSWORD);
        browser.visit("/console/organisations/" + federation.value() + "/endorsements");
        assertThat(browser.text()).contains("On vous demande de recommander le badge « Animer une réunion »");
        shoot("request-to-answer");
        browser.click("Recommander");
        browser.visit("/console/organisations/" + federation.value() + "/endorsements");
        // The browser's own check stops an empty comment; without it, the server refuses it with a message.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelectorAll('textarea').forEach(t => t.removeAttribute('required'))");
        browser.click("Recommander");
        assertThat(browser.text()).contains("Écrivez pourquoi vous recommandez : le commentaire est obligatoire.");
        shoot("refused");
        browser.fill("Pourquoi recommandez-vous ?", "Des critères **exigeants**, évalués par un jury.");
        browser.click("Recommander");
        assertThat(browser.text()).contains("La recommandation est publiée.", "Animer une réunion — publiée");
        shoot("accepted");

        browser.visit("/ob2/badge-classes/" + badgeClass.value());
        assertThat(browser.text()).contains("Fédération des centres sociaux", "Des critères exigeants, évalués par un jury.");
        shoot("public-badge-class");

        browser.visit("/console/organisations/" + federation.value() + "/endorsements?lang=en");
        assertThat(browser.heading()).isEqualTo("Endorsements: Fédération des centres sociaux");
        assertThat(browser.htmlLang()).isEqualTo("en");
        shoot("accepted");
        browser.visit("/ob2/badge-classes/" + badgeClass.value());
        shoot("public-badge-class");
        browser.visit("/console/organisations/" + federation.value() + "/endorsements?lang=fr");
    }

    /**
     * A person with a public profile endorses a badge class in their own name from its public page, sees it in
     * their backpack, and withdraws it there.
     */
    @Test
    void personEndorsesInOwnNameAndWithdraws() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        ConsoleFixture.PublishedBadge published = fixture.publishedBadge();
        AccountUser tutor = fixture.account("Dominique");
        profiles.publish(tutor.id(), "Dominique Tuteur");

        browser.visit("/login");
        browser.logIn(tutor.email(), ConsoleFixture.PASSWORD);
        browser.visit("/ob2/badge-classes/" + published.badgeClass().value());
        new Select(browser.field("Au nom de")).selectByValue("person");
        browser.fill("Pourquoi recommandez-vous ?", "Un badge **sérieux**, bien évalué.");
        browser.click("Publier la recommandation");
        assertThat(browser.text()).contains("Votre recommandation est publiée.", "Dominique Tuteur",
                "Un badge sérieux, bien évalué.");
        shoot("person-offered");

        browser.visit("/backpack");
        browser.click("Mes recommandations");
        assertThat(browser.text()).contains("Animer une réunion — publiée");
        shoot("person-endorsements");
        browser.visit("/backpack/endorsements?lang=en");
        assertThat(browser.heading()).isEqualTo("My endorsements");
        shoot("person-endorsements");
        browser.click("Withdraw");
        assertThat(browser.text()).contains("Animer une réunion — withdrawn");
        browser.visit("/ob2/badge-classes/" + published.badgeClass().value());
        assertThat(browser.text()).contains("No endorsement yet.");
        shoot("person-offer-form");
        browser.visit("/backpack/endorsements?lang=fr");
    }

    /**
     * An earner asks a tutor by e-mail to endorse their badge; the tutor, without an account, answers through the
     * mailed link (refused once without a name); the earner publishes it and the badge's public page shows it;
     * the tutor's own page says what is kept, in English too.
     */
    @Test
    void earnerAsksPersonWithoutAccountAndPublishes() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        ConsoleFixture.PublishedBadge published = fixture.publishedBadge();
        AccountUser earner = fixture.account("Camille");
        AwardView award = fixture.awardThroughForm(published, earner.email(), awards, ConsoleFixture.atAddress(port));
        String tutor = "tutrice." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        browser.visit("/login");
        browser.logIn(earner.email(), ConsoleFixture.PASSWORD);
        browser.visit("/backpack/endorsements");
        browser.fill("Adresse électronique de la personne", tutor);
        browser.click("Envoyer la demande");
        assertThat(browser.text()).contains("La demande est envoyée par courriel.", tutor,
                "demandée, en attente de réponse");
        shoot("earner-asked");
        browser.driver().manage().deleteAllCookies();

        String link = MailServer.link(MailServer.awaitMail(tutor, 1, Duration.ofSeconds(20)), "/endorse/");
        browser.visit(URI.create(link).getPath());
        assertThat(browser.heading()).isEqualTo("Recommandation demandée");
        browser.fill("Votre rôle (facultatif)", "Tutrice");
        browser.fill("Pourquoi recommandez-vous ?", "Une **animatrice** attentive.");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('endorser-name').removeAttribute('required')");
        browser.click("Envoyer ma recommandation");
        assertThat(browser.text()).contains("Indiquez votre nom");
        shoot("link-refused");
        browser.fill("Votre nom", "Dominique Tutrice");
        browser.click("Envoyer ma recommandation");
        assertThat(browser.text()).contains("Un courriel vous donne le lien de votre page");

        browser.visit("/login");
        browser.logIn(earner.email(), ConsoleFixture.PASSWORD);
        browser.visit("/backpack/endorsements");
        browser.click("Publier");
        assertThat(browser.text()).contains("La recommandation est publiée avec votre badge.", "Dominique Tutrice");
        shoot("earner-published");
        browser.visit("/ob2/assertions/" + award.id().value());
        assertThat(browser.text()).contains("Dominique Tutrice, Tutrice", "Une animatrice attentive.");
        browser.visit("/backpack/endorsements?lang=en");
        assertThat(browser.heading()).isEqualTo("My endorsements");
        shoot("earner-published");
        browser.driver().manage().deleteAllCookies();

        String page = MailServer.link(MailServer.awaitMail(tutor, 2, Duration.ofSeconds(20)), "/endorser/");
        browser.visit(URI.create(page).getPath() + "?lang=en");
        assertThat(browser.heading()).isEqualTo("What we keep about you");
        assertThat(browser.text()).contains(tutor, "Dominique Tutrice");
        shoot("endorser-page");
        browser.visit(URI.create(page).getPath() + "?lang=fr");
        shoot("endorser-page");
    }

    /** Both widths in the current language: no sideways scrolling at 390 px, accessible, and a screenshot each. */
    private void shoot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("insigne.shots", "target/shots-endorse")));
        String language = browser.htmlLang();
        for (int width : new int[] {1280, 390}) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.assertAccessible();
            Number scrollWidth = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(scrollWidth.intValue()).as("%s at %d px (%s)", name, width, language).isLessThanOrEqualTo(width);
            byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + "-" + language + "-" + width + ".png"), png);
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
}
