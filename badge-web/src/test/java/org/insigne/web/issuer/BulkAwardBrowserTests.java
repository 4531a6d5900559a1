package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner uploads a small CSV file, sees the row in error in the review, confirms, and follows the job to
 * its report; every page passes the accessibility check.
 */
@Tag("browser")
@InsigneIntegrationTest
class BulkAwardBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;

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
    void ownerReviewsAFileConfirmsItAndReadsTheReport() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        AccountUser owner = fixture.account("Owner");
        OrganisationId organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        BadgeClassId badgeClass = fixture.published(organisation, owner);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("badges", ".csv");
        Files.writeString(csv, "courriel;nom;niveau\nsacha." + run + "@example.org;Sacha Petit;Je transmets\n"
                + "pas-une-adresse;Alex;Je fais\n", StandardCharsets.UTF_8);

        browser.visit("/login");
        browser.fill("Adresse e-mail", owner.email()).fill("Mot de passe", ConsoleFixture.PASSWORD).click("Se connecter");
        browser.visit("/console/organisations/" + organisation.value() + "/badge-classes/" + badgeClass.value());
        browser.click("Décerner en nombre (fichier CSV)");
        browser.field("Fichier CSV").sendKeys(csv.toString());
        browser.click("Vérifier le fichier");

        assertThat(browser.heading()).isEqualTo("Vérifier le fichier : Animer une réunion");
        assertThat(browser.text()).contains("2 lignes : 1 prêtes, 1 en erreur.", "Adresse e-mail invalide.",
                "Rien n'a encore été décerné.");
        browser.click("Décerner 1 badge");

        assertThat(browser.heading()).isEqualTo("Attribution en nombre : Animer une réunion");
        assertThat(browser.driver().findElements(By.tagName("progress"))).hasSize(1);
        // The page's script follows the job and reloads the page with the report once it is done.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> d.findElement(By.tagName("body")).getText().contains("Décernés : 1"));
        browser.assertAccessible();
        assertThat(browser.text()).contains("Sacha Petit", "Décerné", "Non décerné (erreur)", "Adresse e-mail invalide.",
                "Télécharger le rapport (CSV)");
        Files.deleteIfExists(csv);
    }
}
