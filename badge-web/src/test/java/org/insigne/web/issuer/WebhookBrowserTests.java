package org.insigne.web.issuer;

import java.util.UUID;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner registers a webhook endpoint from the organisation's page (a plain http address is refused with a
 * message), copies its secret from the one page that shows it, reads the endpoint's delivery log, rotates the
 * secret, disables the endpoint (a redelivery is then refused), enables it and deletes it. Every page passes
 * the accessibility check, in French and in English, at 1280 and 390 px without sideways scrolling. With
 * {@code INSIGNE_SHOTS_DIR} naming a folder, the pages are saved there.
 */
@Tag("browser")
@InsigneIntegrationTest
class WebhookBrowserTests {

    /** A public address written as a number, so that no name needs resolving; nothing is sent to it here. */
    private static final String ENDPOINT = "https://93.184.215.14/insigne/webhooks";

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
    void registersAnEndpointShowsItsSecretOnceAndManagesIt() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        String list = "/console/organisations/" + badge.organisation().value() + "/webhooks";

        browser.visit("/login");
        browser.logIn(badge.owner().email(), ConsoleFixture.PASSWORD);
        browser.visit("/console/organisations/" + badge.organisation().value());
        browser.click("Webhooks");
        assertThat(browser.heading()).isEqualTo("Webhooks de Ligue de l'enseignement");
        assertThat(browser.text()).contains("Aucun point d'accès pour l'instant.");
        assertThat(browser.field("Badge décerné (award.created)").isSelected()).isTrue();

        browser.fill("Adresse du point d'accès", "http://crm.exemple.org/insigne");
        browser.click("Ajouter le point d'accès");
        assertThat(browser.text()).contains("Le formulaire contient des erreurs", "L'adresse doit commencer par https://");
        assertThat(browser.field("Adresse du point d'accès").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.field("Adresse du point d'accès").getAttribute("value")).isEqualTo("http://crm.exemple.org/insigne");
        browser.shoot("webhooks-error-fr-1280");

        browser.fill("Adresse du point d'accès", ENDPOINT);
        browser.field("Badge révoqué (award.revoked)").click();
        browser.click("Ajouter le point d'accès");
        assertThat(browser.text()).contains("Secret de signature", "il ne sera plus jamais affiché");
        String secret = browser.field("Le secret").getAttribute("value");
        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44);
        String listed = browser.driver().findElement(By.cssSelector(".token-list")).getText();
        assertThat(listed).contains(ENDPOINT, "award.created, award.revoked", "actif");
        browser.shoot("webhooks-created-fr-1280");

        UUID endpoint = jdbc.queryForObject("select id from webhook_endpoint where organisation_id = ?", UUID.class,
                badge.organisation().value());
        attemptsInTheLog(endpoint);
        browser.click(ENDPOINT);
        assertThat(browser.heading()).isEqualTo("Point d'accès de webhook");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        String log = browser.driver().findElement(By.cssSelector(".token-list")).getText();
        assertThat(log).contains("réponse HTTP 502", "pas de réponse dans le temps imparti", "abandonné",
                "Bad gateway <html>");
        browser.shoot("webhook-fr-1280");

        browser.click("Changer le secret");
        String rotated = browser.field("Le secret").getAttribute("value");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(browser.text()).contains("signe encore, à côté du nouveau, jusqu'au");

        browser.click("Désactiver");
        assertThat(browser.text()).contains("Le point d'accès est désactivé", "désactivé le");
        browser.click("Renvoyer");
        assertThat(browser.text()).contains("Réactivez d'abord le point d'accès");

        browser.driver().manage().window().setSize(new Dimension(390, 900));
        browser.visit(list + "/" + endpoint + "?lang=en");
        assertThat(browser.heading()).isEqualTo("Webhook endpoint");
        assertThat(browser.text()).contains("HTTP answer 502", "no answer in time", "disabled on");
        browser.assertFitsWidth();
        browser.shoot("webhook-en-390");
        browser.click("Enable again");
        assertThat(browser.text()).contains("The endpoint is enabled again");
        browser.assertFitsWidth();
        browser.visit(list + "?lang=en");
        assertThat(browser.heading()).isEqualTo("Webhooks of Ligue de l'enseignement");
        browser.assertFitsWidth();
        browser.shoot("webhooks-en-390");

        browser.visit(list + "?lang=fr");
        browser.assertFitsWidth();
        browser.shoot("webhooks-fr-390");
        browser.visit(list + "/" + endpoint);
        browser.assertFitsWidth();
        browser.shoot("webhook-fr-390");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.visit(list + "/" + endpoint + "?lang=en");
        browser.shoot("webhook-en-1280");
        browser.click("Delete the endpoint");
        assertThat(browser.text()).contains("The endpoint is deleted, with its log.", "No endpoint yet.");
        browser.shoot("webhooks-en-1280");
        assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where endpoint_id = ?", Integer.class,
                endpoint)).isZero();
    }

    /**
     * Two attempts of one delivery, as the sender writes them (a 502 whose answer holds markup, then a
     * time-out), so that the log is seen with content. The delivery was given up: nothing is
     * to be sent to that address from a test.
     */
    private void attemptsInTheLog(UUID endpoint) {
        UUID delivery = UUID.randomUUID();
        jdbc.update("""
                insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, created_at, state,
                    attempts, next_attempt_at, retry_until)
                values (?, ?, ?, 'award.created', '{}', now(), 'FAILED', 2, now(),
                    now() + interval '3 days')""", delivery, endpoint, "msg_" + delivery.toString().replace("-", ""));
        jdbc.update("""
                insert into webhook_attempt (id, delivery_id, endpoint_id, attempted_at, status_code, latency_ms,
                    failure, response_excerpt)
                values (?, ?, ?, now() - interval '1 minute', 502, 87, null, 'Bad gateway <html>'),
                       (?, ?, ?, now(), null, 10000, 'TIMEOUT', '')""",
                UUID.randomUUID(), delivery, endpoint, UUID.randomUUID(), delivery, endpoint);
    }
}
