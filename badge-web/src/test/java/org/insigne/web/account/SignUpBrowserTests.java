package org.insigne.web.account;

import java.time.Duration;

import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer signs up, confirms, logs in, creates their organisation and logs out — in French and in English. */
@Tag("browser")
@InsigneIntegrationTest
class SignUpBrowserTests {

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

    @Test
    void signsUpConfirmsLogsInCreatesAnOrganisationInFrench() {
        String email = AccountIntegrationTests.uniqueEmail();
        browser.visit("/");
        assertThat(browser.htmlLang()).isEqualTo("fr");
        assertThat(browser.heading()).isEqualTo("Reconnaître ce qu'aucun diplôme ne montre");

        browser.click("Créer un compte");
        browser.fill("Adresse e-mail", "pas-une-adresse").fill("Nom affiché", "Camille Martin")
                .fill("Mot de passe", "court").click("Créer mon compte");
        assertThat(browser.text()).contains("Saisissez une adresse e-mail valide", "au moins 12 caractères");

        browser.fill("Adresse e-mail", email).fill("Mot de passe", PASSWORD).click("Créer mon compte");
        assertThat(browser.heading()).isEqualTo("Confirmez votre adresse e-mail");

        String link = MailServer.link(MailServer.awaitMail(email, 1, Duration.ofSeconds(10)), "/account/confirm");
        browser.visit(link);
        assertThat(browser.text()).contains("Votre adresse e-mail est confirmée");

        String sessionBefore = browser.cookie("JSESSIONID");
        browser.logIn(email, PASSWORD);
        // neither staff nor earner yet: the account offers both ways
        assertThat(browser.heading()).isEqualTo("Où voulez-vous aller ?");
        browser.click("Console de l'émetteur");
        assertThat(browser.heading()).isEqualTo("Console de l'émetteur");
        assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(sessionBefore);

        browser.click("Créer une organisation").click("Créer l'organisation");
        assertThat(browser.text()).contains("Ce champ est obligatoire.");
        browser.fill("Nom de l'organisation", "Ligue de l'enseignement d'Indre-et-Loire").click("Créer l'organisation");
        assertThat(browser.heading()).isEqualTo("Ligue de l'enseignement d'Indre-et-Loire");
        assertThat(browser.text()).contains("Propriétaire", "L'organisation a été créée.");

        browser.click("Se déconnecter");
        assertThat(browser.text()).contains("Vous êtes déconnecté.");
        browser.visit("/console/organisations/" + java.util.UUID.randomUUID());
        assertThat(browser.heading()).isEqualTo("Se connecter");
    }

    @Test
    void signsUpConfirmsLogsInCreatesAnOrganisationInEnglish() {
        String email = AccountIntegrationTests.uniqueEmail();
        browser.visit("/?lang=en");
        assertThat(browser.htmlLang()).isEqualTo("en");

        browser.click("Create an account");
        browser.fill("E-mail address", email).fill("Display name", "Sam Taylor").fill("Password", PASSWORD)
                .click("Create my account");
        assertThat(browser.heading()).isEqualTo("Confirm your e-mail address");

        var mail = MailServer.awaitMail(email, 1, Duration.ofSeconds(10));
        browser.visit(MailServer.link(mail, "/account/confirm"));
        assertThat(browser.text()).contains("Your e-mail address is confirmed");

        browser.fill("E-mail address", email).fill("Password", "wrong password!!").click("Log in");
        assertThat(browser.text()).contains("Wrong e-mail address or password.");
        browser.fill("E-mail address", email).fill("Password", PASSWORD).click("Log in");
        assertThat(browser.heading()).isEqualTo("Where do you want to go?");
        browser.click("Issuer console");
        assertThat(browser.heading()).isEqualTo("Issuer console");

        browser.click("Create an organisation");
        browser.fill("Organisation name", "Badgeons la Normandie").click("Create the organisation");
        assertThat(browser.heading()).isEqualTo("Badgeons la Normandie");
        assertThat(browser.text()).contains("Owner");

        browser.click("Français");
        assertThat(browser.htmlLang()).isEqualTo("fr");
        assertThat(browser.text()).contains("Propriétaire");
        browser.click("Se déconnecter");
        assertThat(browser.text()).contains("Vous êtes déconnecté.");
    }

    @Test
    void showsAccessibleErrorPages() {
        browser.visit("/no-such-page");
        assertThat(browser.heading()).isEqualTo("Page introuvable");
        browser.visit("/account/confirm?token=faux");
        assertThat(browser.text()).contains("Ce lien n'est pas valide");
        browser.visit("/login?error=throttled");
        assertThat(browser.text()).contains("Trop de tentatives de connexion");
    }
}
