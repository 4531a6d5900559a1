package org.insigne.web.ob3api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An earner lets an application act for them on the consent page, then sees and withdraws it on the
 * "connected applications" page: in French and in English, accessible, usable 390 px wide.
 */
@Tag("browser")
@InsigneIntegrationTest
class Ob3ApiBrowserTests {

    private static final String PASSWORD = "une phrase de passe solide";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    String registeredClient() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        HttpResponse<String> registered = consumer.post(Ob3Api.REGISTRATION,
                Ob3Consumer.JSON.writeValueAsString(Ob3Consumer.registration(String.join(" ", Ob3Scopes.ALL))),
                "Content-Type", "application/json");
        return Ob3Consumer.json(registered).get("client_id").asString();
    }

    String authorizeUrl(String clientId) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", Ob3Consumer.REDIRECT);
        query.put("scope", Ob3Scopes.CREDENTIAL_READONLY + " " + Ob3Scopes.PROFILE_READONLY);
        query.put("state", "etat");
        query.put("code_challenge", Ob3Consumer.Pkce.create().challenge());
        query.put("code_challenge_method", "S256");
        return "/oauth2/authorize?" + Ob3Consumer.encode(query);
    }

    void checkBothWidths(String shot) {
        browser.assertAccessible().shoot(shot + "-1280");
        browser.driver().manage().window().setSize(new Dimension(390, 900));
        assertThat((Boolean) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        browser.assertAccessible().shoot(shot + "-390");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void consentsThenWithdrawsInFrench() throws Exception {
        String clientId = registeredClient();
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.signUpAndConfirm(email, "Camille Martin", PASSWORD, 1).logIn(email, PASSWORD);

        browser.visit(authorizeUrl(clientId));
        assertThat(browser.heading()).isEqualTo("Autoriser « Sac Exemple » ?");
        assertThat(browser.text()).contains("voir les badges de votre sac", "voir votre nom et votre adresse de connexion",
                "Conditions d'utilisation de l'application", "Politique de confidentialité de l'application",
                "Site de l'application : consumer.example");
        checkBothWidths("ob3api-consent-fr");
        browser.driver().findElement(org.openqa.selenium.By.id("consent-allow")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().startsWith(Ob3Consumer.REDIRECT));
        assertThat(browser.driver().getCurrentUrl()).contains("code=").contains("state=etat");

        browser.visit("/backpack").click("Applications connectées");
        assertThat(browser.heading()).isEqualTo("Applications connectées");
        assertThat(browser.text()).contains("Sac Exemple", "voir les badges de votre sac");
        checkBothWidths("ob3api-apps-fr");
        browser.click("Retirer l'accès de Sac Exemple");
        assertThat(browser.text()).contains("L'accès de l'application a été retiré.",
                "Aucune application n'est connectée à votre compte.");
    }

    @Test
    void consentsThenWithdrawsInEnglish() throws Exception {
        String clientId = registeredClient();
        String email = "sam." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.signUpAndConfirm(email, "Sam Taylor", PASSWORD, 1).logIn(email, PASSWORD);
        browser.visit("/backpack?lang=en");

        browser.visit(authorizeUrl(clientId));
        assertThat(browser.heading()).isEqualTo("Allow \"Sac Exemple\"?");
        checkBothWidths("ob3api-consent-en");
        browser.driver().findElement(org.openqa.selenium.By.id("consent-allow")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().startsWith(Ob3Consumer.REDIRECT));

        browser.visit("/backpack/connected-apps");
        assertThat(browser.heading()).isEqualTo("Connected applications");
        checkBothWidths("ob3api-apps-en");
        browser.click("Withdraw access for Sac Exemple");
        assertThat(browser.text()).contains("No application is connected to your account.");
    }
}
