package org.insigne.web.verify;

import java.nio.file.Files;
import java.nio.file.Path;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.testing.HostileInput;
import org.insigne.testing.SharedConformance;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter drops a badge file or pastes its address on "Vérifier un badge" and reads an honest verdict.
 * The issuer's site runs on 127.0.0.1, which this test context allows the fetcher to reach.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class VerifyPageBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    Browser browser;
    HostedBadgeServer issuerSite;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
        issuerSite = HostedBadgeServer.start();
    }

    @AfterEach
    void close() {
        browser.close();
        issuerSite.close();
    }

    @Test
    void showsAHostedBadgeAsGenuine() {
        browser.visit("/verify");
        assertThat(browser.heading()).isEqualTo("Vérifier un badge");
        browser.fill("Ou bien : adresse, JSON ou JWT du badge", issuerSite.assertionUrl()).click("Vérifier le badge");

        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.text()).contains("Animateur bénévole", "Ligue de l'enseignement d'Indre-et-Loire",
                "Animer au moins dix séances d'atelier.");
    }

    @Test
    void showsABakedImageAsGenuineAndOneWhoseCopyDiffersAsTheIssuersHostedBadge() throws Exception {
        Baker baker = new Baker(BakingLimits.defaults());
        byte[] png = Files.readAllBytes(Path.of(getClass().getResource("/badge.png").toURI()));

        Path genuine = files.resolve("badge-authentique.png");
        Files.write(genuine, baker.bake(png, payload(issuerSite.assertion())));
        browser.visit("/verify");
        browser.driver().findElement(By.id("file")).sendKeys(genuine.toString());
        browser.click("Vérifier le badge");
        assertThat(verdict()).isEqualTo("Authentique");

        ObjectNode forged = issuerSite.assertion();
        forged.put("issuedOn", "2020-01-01T00:00:00Z");
        Path tampered = files.resolve("badge (copie).png");
        Files.write(tampered, baker.bake(png, payload(forged)));
        browser.visit("/verify");
        browser.driver().findElement(By.id("file")).sendKeys(tampered.toString());
        browser.click("Vérifier le badge");
        // OB 2.0 hosted verification checks the copy the issuer hosts, not the one in the image: the badge is
        // genuine, and the page says the image carries an outdated copy.
        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.text()).contains("La copie du badge intégrée à l'image est périmée");
    }

    @Test
    @HostileInput("S13")
    void neverShowsAnUnreachableBadgeAsValid() {
        issuerSite.fail("/assertions/1", 503);
        browser.visit("/?lang=en");
        browser.visit("/verify");
        browser.fill("Or: the badge's address, JSON or JWT", issuerSite.assertionUrl()).click("Verify the badge");
        assertThat(verdict()).isEqualTo("Could not be verified");
        assertThat(browser.htmlLang()).isEqualTo("en");
    }

    @Test
    void asksForABadgeWhenNothingWasGiven() {
        browser.visit("/verify").click("Vérifier le badge");
        assertThat(browser.text()).contains("Choisissez un fichier ou collez l'adresse");
    }

    @Test
    void showsAConformanceBadgeWithBrokenJsonAsNotValid() throws Exception {
        Path badJson = SharedConformance.require("mozilla-openbadges-bakery/test/bad-json.svg");
        browser.visit("/verify");
        browser.driver().findElement(By.id("file")).sendKeys(badJson.toRealPath().toString());
        browser.click("Vérifier le badge");
        assertThat(verdict()).isEqualTo("Non valable");
    }

    private String verdict() {
        return browser.driver().findElement(By.cssSelector(".verdict h2")).getText();
    }

    private static BakedPayload payload(ObjectNode assertion) {
        return new BakedPayload(PayloadKind.OB2_ASSERTION, Ob2Json.mapper().writeValueAsString(assertion), null);
    }
}
