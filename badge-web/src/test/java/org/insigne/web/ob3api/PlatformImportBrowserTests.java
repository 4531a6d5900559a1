package org.insigne.web.ob3api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.insigne.web.verify.VerificationService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * An earner imports their badges from another platform (this one under the name {@code localhost}, they
 * use it as {@code 127.0.0.1}): names it, goes there to sign in and consent, comes back to watch the import
 * finish, then disconnects it in English. Accessible, usable 390 px wide.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class PlatformImportBrowserTests {

    private static final String PASSWORD = "une phrase de passe solide";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VerificationService verifications;

    @Autowired
    ImportService imports;

    String account(String base, String email) throws Exception {
        new Ob3Consumer(base).signUp(email, "Camille Martin", PASSWORD);
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        return email;
    }

    void checkBothWidths(Browser browser, String shot) {
        browser.assertAccessible().shoot(shot + "-1280");
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        assertThat((Boolean) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        browser.assertAccessible().shoot(shot + "-390");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void importsFromAnotherPlatformThenDisconnectsIt() throws Exception {
        String here = "http://127.0.0.1:" + port;
        String earner = account(here, "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        String elsewhere = account("http://localhost:" + port,
                "camille.ailleurs." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        UUID holder = jdbc.queryForObject("select id from user_account where email = ?", UUID.class, elsewhere);
        Ob3TestCredentials credentials = new Ob3TestCredentials();
        BadgeInput input = BadgeInput.text(BoundedJson.MAPPER.writeValueAsString(
                credentials.signed(credentials.credential(elsewhere, null))));
        imports.importBadge(holder, input, verifications.verify(input.toRequest(elsewhere)).join());

        try (Browser browser = Browser.open(port)) {
            browser.visit(here + "/login").logIn(earner, PASSWORD);
            browser.visit(here + "/backpack").click("Importer depuis une autre plateforme");
            assertThat(browser.heading()).isEqualTo("Importer depuis une autre plateforme");
            checkBothWidths(browser, "platforms-fr");
            browser.fill("Adresse de la plateforme", "http://localhost:" + port)
                    .click("Se connecter à cette plateforme");
            assertThat(browser.heading()).isEqualTo("Autoriser l'import");
            checkBothWidths(browser, "platforms-continue-fr");
            browser.click("Continuer vers localhost").logIn(elsewhere, PASSWORD);
            assertThat(browser.heading()).isEqualTo("Autoriser « Insigne » ?");
            browser.driver().findElement(By.id("consent-allow")).click();
            // the page reloads itself every three seconds while the import runs: an element read can go stale
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.getCurrentUrl().startsWith(here + "/backpack/platforms")
                            && d.findElement(By.tagName("main")).getText().contains("Dernier import terminé."));
            assertThat(browser.text()).contains("Ajoutés à votre sac : 1", "Adresse : localhost");
            checkBothWidths(browser, "platforms-done-fr");

            browser.visit(here + "/backpack/platforms?lang=en");
            assertThat(browser.heading()).isEqualTo("Import from another platform");
            checkBothWidths(browser, "platforms-done-en");
            browser.click("Disconnect localhost");
            assertThat(browser.text()).contains("Platform disconnected: its access tokens are revoked and erased.",
                    "No connected platform.");
        }
    }
}
