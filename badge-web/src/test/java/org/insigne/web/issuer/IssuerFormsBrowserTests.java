package org.insigne.web.issuer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer fills the console's forms as people do: a mistake in one field keeps the image already chosen,
 * line breaks stay, a website typed without https:// is completed, and the organisation's public page shows
 * the profile; the bulk preview keeps the evidence link and its narrative apart. French and English, on a
 * desktop and on a 390 px phone.
 */
@Tag("browser")
@InsigneIntegrationTest
class IssuerFormsBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;

    @TempDir Path files;

    Browser browser;
    AccountUser owner;
    OrganisationId organisation;

    @BeforeEach
    void open() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Dominique");
        organisation = fixture.organisation(owner, "Foyer rural de Chinon");
        browser = Browser.open(port);
        browser.visit("/login").logIn(owner.email(), ConsoleFixture.PASSWORD);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void keepsTheChosenImageAndTheLineBreaksAfterAMistake() throws Exception {
        String org = "/console/organisations/" + organisation.value();
        browser.visit(org + "/badge-classes/new");
        browser.fill("Description", "Accueillir les visiteurs.\nLes orienter vers la bonne salle.");
        browser.fill("Critères d'obtention", "Avoir tenu l'accueil **trois** fois.");
        browser.field("Image du badge").sendKeys(png("badge.png").toString());
        browser.click("Enregistrer le badge");

        assertThat(browser.driver().getCurrentUrl()).doesNotContain("_csrf");
        assertThat(browser.text()).contains("Le formulaire contient des erreurs",
                "L'image choisie est gardée : inutile de la choisir à nouveau");
        browser.shoot("badge-class-form-kept-1280-fr");
        browser.fill("Nom du badge", "Accueillir le public").click("Enregistrer le badge");

        assertThat(browser.heading()).isEqualTo("Accueillir le public");
        assertThat(browser.text()).contains("Le badge a été créé comme brouillon.");
        assertThat(browser.driver().findElement(By.cssSelector("main p.text")).getText())
                .isEqualTo("Accueillir les visiteurs.\nLes orienter vers la bonne salle.");
    }

    @Test
    void completesTheWebsiteAndShowsTheProfileOnThePublicPage() throws Exception {
        String org = "/console/organisations/" + organisation.value();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.visit(org + "/profile?lang=en");
        browser.fill("About", "Rural association since 1962.\nOpen to everyone.")
                .fill("Website", "www.foyer-rural-chinon.example.org")
                .fill("Contact e-mail", "not-an-address")
                .fill("Postal address", "2 place de la Mairie\n37500 Chinon");
        browser.field("Logo").sendKeys(png("logo.png").toString());
        browser.click("Save the profile");
        assertThat(browser.text()).contains("The image you chose is kept");
        browser.shoot("profile-kept-390-en");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("_csrf");

        browser.fill("Contact e-mail", "contact@foyer-rural-chinon.example.org").click("Save the profile");
        assertThat(browser.text()).contains("The organisation's profile has been saved.",
                "https://www.foyer-rural-chinon.example.org");

        for (String language : List.of("fr", "en")) {
            for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
                browser.driver().manage().window().setSize(size);
                browser.visit("/ob2/issuers/" + organisation.value() + "?lang=" + language);
                assertThat(browser.heading()).isEqualTo("Foyer rural de Chinon");
                browser.shoot("issuer-public-" + size.width + "-" + language);
                assertThat(browser.text()).contains("Rural association since 1962.\nOpen to everyone.",
                        "2 place de la Mairie\n37500 Chinon", "contact@foyer-rural-chinon.example.org");
                assertThat(browser.driver().findElement(By.linkText("https://www.foyer-rural-chinon.example.org"))
                        .getAttribute("href")).isEqualTo("https://www.foyer-rural-chinon.example.org/");
                assertThat(browser.driver().findElement(By.cssSelector("img.logo")).getAttribute("alt"))
                        .isEqualTo("en".equals(language) ? "Logo of Foyer rural de Chinon" : "Logo de Foyer rural de Chinon");
            }
        }
    }

    @Test
    void showsTheEvidenceLinkAndItsNarrativeInTwoColumns() throws Exception {
        BadgeClassId badgeClass = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses)
                .published(organisation, owner);
        Path csv = files.resolve("badges.csv");
        Files.writeString(csv, "courriel;nom;niveau;preuve;récit\nsacha." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org;Sacha Petit;Je fais;https://preuves.example.org/sacha;A tenu l'accueil du forum\n",
                StandardCharsets.UTF_8);
        for (String language : List.of("fr", "en")) {
            browser.visit("/console/organisations/" + organisation.value() + "/badge-classes/" + badgeClass.value()
                    + "/bulk?lang=" + language);
            browser.field("fr".equals(language) ? "Fichier CSV" : "CSV file").sendKeys(csv.toString());
            browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.assertAccessible();
            browser.shoot("bulk-preview-1280-" + language);
            List<String> headers = browser.driver().findElements(By.cssSelector("thead th")).stream()
                    .map(e -> e.getText()).toList();
            assertThat(headers).contains("fr".equals(language) ? "Lien de la preuve" : "Evidence link",
                    "fr".equals(language) ? "Récit de la preuve" : "Evidence narrative");
            List<String> cells = browser.driver().findElements(By.cssSelector("tbody tr td")).stream()
                    .map(e -> e.getText()).toList();
            assertThat(cells).contains("https://preuves.example.org/sacha", "A tenu l'accueil du forum");
        }
    }

    private Path png(String name) throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0b4f9c));
        g.fillOval(4, 4, 56, 56);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
