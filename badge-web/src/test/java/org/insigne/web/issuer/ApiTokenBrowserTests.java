package org.insigne.web.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner creates an API token from the organisation's page, copies it from the one page that shows it, finds
 * it in the list without its secret, then revokes it; the token works until then and not after. Every page
 * passes the accessibility check, in French at 1280 px and in English at 390 px without sideways scrolling.
 * With {@code INSIGNE_SCREENSHOTS} naming a folder, the pages are saved there.
 */
@Tag("browser")
@InsigneIntegrationTest
class ApiTokenBrowserTests {

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
    void createsShowsOnceListsAndRevokesAToken() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        ApiClient api = new ApiClient(port);

        browser.visit("/login");
        browser.logIn(badge.owner().email(), ConsoleFixture.PASSWORD);
        browser.visit("/console/organisations/" + badge.organisation().value());
        browser.click("Jetons d'API");
        assertThat(browser.heading()).isEqualTo("Jetons d'API de Ligue de l'enseignement");
        assertThat(browser.text()).contains("Aucun jeton pour l'instant.");

        browser.field("Lire les badges, les attributions, les envois groupés et le journal d'activité").click();
        browser.click("Créer le jeton");
        assertThat(browser.text()).contains("Le formulaire contient des erreurs", "Donnez au jeton un nom de 1 à 100 caractères.");
        assertThat(browser.field("Nom").getAttribute("aria-invalid")).isEqualTo("true");

        browser.fill("Nom", "Moodle");
        browser.field("Lire les badges, les attributions, les envois groupés et le journal d'activité").click();
        browser.field("Décerner des badges, un par un ou en nombre").click();
        browser.click("Créer le jeton");
        assertThat(browser.text()).contains("Jeton « Moodle » créé", "il ne sera plus jamais affiché");
        String secret = browser.field("Le jeton").getAttribute("value");
        assertThat(secret).startsWith("insg_").hasSize(48);
        shoot("tokens-created-fr-1280");
        assertThat(api.get("/api/v1/awards", secret).status()).isEqualTo(200);

        browser.visit("/console/organisations/" + badge.organisation().value() + "/api-tokens");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        String listed = browser.driver().findElement(By.cssSelector(".token-list")).getText();
        assertThat(listed).contains("Moodle", secret.substring(0, 11) + "…", "lecture, attribution",
                "actif, sans date d'expiration");
        assertThat(listed).doesNotContain("Dernière utilisation\njamais");
        shoot("tokens-list-fr-1280");

        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.visit("/console/organisations/" + badge.organisation().value() + "/api-tokens?lang=en");
        assertThat(browser.heading()).isEqualTo("API tokens of Ligue de l'enseignement");
        assertThat(browser.text()).contains("read, award", "active, no expiry date");
        assertNoSidewaysScrolling();
        shoot("tokens-list-en-390");

        browser.click("Revoke");
        assertThat(browser.text()).contains("The token is revoked: it no longer works.");
        assertThat(browser.driver().findElement(By.cssSelector(".token-list")).getText()).contains("revoked on");
        assertNoSidewaysScrolling();
        assertThat(api.get("/api/v1/awards", secret).status()).isEqualTo(401);

        browser.fill("Name", "Nouveau");
        browser.click("Create the token");
        assertThat(browser.field("The token").getAttribute("value")).startsWith("insg_");
        assertNoSidewaysScrolling();
        shoot("tokens-created-en-390");

        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.visit("/console/organisations/" + badge.organisation().value() + "/api-tokens?lang=fr");
        assertNoSidewaysScrolling();
        shoot("tokens-list-fr-390");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.visit("/console/organisations/" + badge.organisation().value() + "/api-tokens?lang=en");
        shoot("tokens-list-en-1280");
        browser.visit("/api/v1/docs?lang=en");
        assertThat(browser.text()).contains("POST /api/v1/awards");
        shoot("api-docs-en-1280");
    }

    private void assertNoSidewaysScrolling() {
        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }

    /** Saves the whole page when INSIGNE_SCREENSHOTS names a folder. */
    private void shoot(String name) {
        String folder = System.getenv("INSIGNE_SCREENSHOTS");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Dimension before = browser.driver().manage().window().getSize();
        Object height = ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight;");
        browser.driver().manage().window().setSize(new Dimension(before.getWidth(), ((Number) height).intValue() + 100));
        try {
            Path file = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of(folder));
            Files.copy(file, Path.of(folder, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }
}
