package org.insigne.web.verify;

import java.nio.file.Files;
import java.nio.file.Path;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
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
 * After a verification, "Vérifier un badge" shows the badge as its public page would (the same card: verdict,
 * reason, facts) above the check-by-check report. The badge images come from the conformance corpus: its
 * baked PNGs name issuers on the internet, which tests never reach, so the corpus image is baked again with
 * the assertion of an issuer site on 127.0.0.1 (the baker replaces the badge already in it).
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class VerifyBadgeCardBrowserTests {

    @LocalServerPort int port;
    @TempDir Path files;

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
    void showsTheBadgeOfAConformancePngAboveItsChecksAndAChangedCopyAsTheHostedBadge() throws Exception {
        byte[] png = Files.readAllBytes(SharedConformance.require("1edtech-dcpv/ob20/simple-badge.png"));
        Baker baker = new Baker(BakingLimits.defaults());

        Path genuine = files.resolve("simple-badge.png");
        Files.write(genuine, baker.bake(png, payload(issuerSite.assertion())));
        verifyFile(genuine);
        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.text()).contains("Animateur bénévole", "Ligue de l'enseignement d'Indre-et-Loire",
                "D'après la vérification qui vient d'être faite");
        assertCardAboveChecks();

        ObjectNode forged = issuerSite.assertion();
        forged.put("issuedOn", "2020-01-01T00:00:00Z");
        Path tampered = files.resolve("simple-badge (copie).png");
        Files.write(tampered, baker.bake(png, payload(forged)));
        verifyFile(tampered);
        // The hosted copy is what OB 2.0 verifies: genuine, with the image's copy called outdated.
        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.text()).contains("La copie du badge intégrée à l'image est périmée");
        assertCardAboveChecks();

        browser.visit("/?lang=en");
        verifyFile(tampered);
        assertThat(verdict()).isEqualTo("Genuine");
        assertThat(browser.text()).contains("The baked copy of the badge in the image is outdated");
        assertThat(browser.htmlLang()).isEqualTo("en");
    }

    @Test
    void showsTheBadgeAtAnAddressAsItsPublicPageWould() {
        browser.visit("/verify");
        browser.fill("Ou bien : adresse, JSON ou JWT du badge", issuerSite.assertionUrl()).click("Vérifier le badge");
        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.text()).contains("Animateur bénévole", "Animer au moins dix séances d'atelier.");
        assertCardAboveChecks();

        issuerSite.fail("/assertions/1", 410);
        browser.visit("/verify");
        browser.fill("Ou bien : adresse, JSON ou JWT du badge", issuerSite.assertionUrl()).click("Vérifier le badge");
        assertThat(browser.text()).doesNotContain("Authentique");
    }

    private void verifyFile(Path file) {
        browser.visit("/verify");
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        browser.click(browser.driver().findElement(By.cssSelector("form button[type=submit]")).getText());
    }

    private void assertCardAboveChecks() {
        String text = browser.text();
        String checksTitle = browser.driver().findElement(By.cssSelector(".checks")).getText();
        assertThat(browser.driver().findElements(By.cssSelector(".badge-card"))).hasSize(1);
        assertThat(text.indexOf(verdict())).isLessThan(text.indexOf(checksTitle));
    }

    private String verdict() {
        return browser.driver().findElement(By.cssSelector(".verdict h2")).getText();
    }

    private static BakedPayload payload(ObjectNode assertion) {
        return new BakedPayload(PayloadKind.OB2_ASSERTION, Ob2Json.mapper().writeValueAsString(assertion), null);
    }
}
