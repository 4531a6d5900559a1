package org.insigne.web.verify;

import java.nio.file.Files;
import java.nio.file.Path;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.testing.SharedConformance;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter drops on "Vérifier un badge" a credential Insigne does not verify (a CLR 2.0 transcript, a badge
 * signed with the {@code eddsa-jcs-2022} cryptosuite, both made from 1EdTech's OB 3.0 sample) and reads
 * "not supported" with the real reason, never "invalid", in French and English, on a desktop and on a phone.
 */
@Tag("browser")
@InsigneIntegrationTest
class UnsupportedCredentialBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void showsAClrTranscriptAsNotSupportedSayingWhy() throws Exception {
        ObjectNode clr = sample();
        clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
        Path file = files.resolve("releve-clr.json");
        Files.writeString(file, BoundedJson.MAPPER.writeValueAsString(clr));

        drop(file, "fr", 1280);
        assertThat(browser.text()).contains("Non pris en charge", "relevé d'acquis CLR 2.0 (ClrCredential)")
                .doesNotContain("Non valable");
        browser.shoot("verify-unsupported-clr-1280-fr");

        drop(file, "en", 390);
        assertThat(browser.text()).contains("Not supported", "CLR 2.0").doesNotContain("Not valid");
        browser.shoot("verify-unsupported-clr-390-en");
    }

    @Test
    void showsAnUnsupportedCryptosuiteAsNotSupportedNamingIt() throws Exception {
        ObjectNode credential = sample();
        // The sample carries its proof in an array of one.
        var proof = credential.get("proof");
        ((ObjectNode) (proof.isArray() ? proof.get(0) : proof)).put("cryptosuite", "eddsa-jcs-2022");
        Path file = files.resolve("badge-jcs.json");
        Files.writeString(file, BoundedJson.MAPPER.writeValueAsString(credential));

        drop(file, "fr", 390);
        assertThat(browser.text()).contains("Non pris en charge", "eddsa-jcs-2022").doesNotContain("Non valable");
        browser.shoot("verify-unsupported-jcs-390-fr");

        drop(file, "en", 1280);
        assertThat(browser.text()).contains("Not supported", "eddsa-jcs-2022").doesNotContain("Not valid");
        browser.shoot("verify-unsupported-jcs-1280-en");
    }

    private void drop(Path file, String language, int width) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.visit("/verify?lang=" + language);
        browser.driver().findElement(By.id("file")).sendKeys(file.toString());
        browser.click("fr".equals(language) ? "Vérifier le badge" : "Verify the badge");
    }

    private static ObjectNode sample() throws Exception {
        return BoundedJson.readObject(Files.readString(SharedConformance.require("1edtech-dcpv/ob30/simple.json")));
    }
}
