package org.insigne.web.issuer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An earner turns expiry reminders off and on again from their backpack, and an issuer reads how many badges
 * expire this month on the dashboard: in French and English, on a desktop and on a phone, checked by axe.
 */
@Tag("browser")
@InsigneIntegrationTest
class ExpiryReminderBrowserTests {

    private static final String PASSWORD = "une phrase de passe solide";

    @LocalServerPort
    int port;

    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;

    Browser browser;
    final String email = "rappels." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    @BeforeEach
    void open() {
        browser = Browser.open(port);
        browser.signUpAndConfirm(email, "Camille Martin", PASSWORD, 1).logIn(email, PASSWORD);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void turnsRemindersOffAndOnFromTheBackpack() {
        browser.visit("/backpack").click("Rappels avant expiration");
        assertThat(browser.heading()).isEqualTo("Rappels avant expiration");
        assertThat(browser.text()).contains("30 jours avant");
        assertThat(browser.field("M'écrire avant qu'un de mes badges expire").isSelected()).isTrue();
        browser.shoot("reminders-1280-fr");

        browser.field("M'écrire avant qu'un de mes badges expire").click();
        browser.click("Enregistrer");
        assertThat(browser.text()).contains("Votre choix est enregistré.");
        assertThat(browser.field("M'écrire avant qu'un de mes badges expire").isSelected()).isFalse();
        assertThat(accounts.wantsExpiryReminders(accounts.loadUserByUsername(email).id())).isFalse();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.visit("/backpack/reminders?lang=en");
        assertThat(browser.heading()).isEqualTo("Expiry reminders");
        assertThat(browser.field("Write to me before one of my badges expires").isSelected()).isFalse();
        browser.field("Write to me before one of my badges expires").click();
        browser.click("Save");
        assertThat(browser.text()).contains("Your choice is saved.");
        assertThat(accounts.wantsExpiryReminders(accounts.loadUserByUsername(email).id())).isTrue();
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        browser.shoot("reminders-390-en");
        browser.visit("/backpack/reminders?lang=fr").shoot("reminders-390-fr");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.visit("/backpack/reminders?lang=en").shoot("reminders-1280-en");
    }

    @Test
    void showsTheIssuerHowManyBadgesExpireThisMonth() {
        UUID owner = accounts.loadUserByUsername(email).id();
        OrganisationId organisation = organisations.create(owner, "Ligue des secouristes").id();
        BadgeClassId badge = badgeClasses.create(organisation, owner, new BadgeClassContent("Premiers secours",
                "Porter secours.", "Avoir suivi la formation.", List.of(), List.of(), BadgeClassContent.DEFAULT_LEVELS,
                12, false), ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, badge, owner);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 2; i++) {
            awards.award(organisation, badge, owner, new AwardRequest(UUID.randomUUID(), "e" + i + "@example.org",
                    "Camille", "Je fais", null, null, today.minusYears(1).plusDays(1)), new HostedUrls("https://x.test"));
        }
        long expected = today.plusDays(1).getMonth() == today.getMonth() ? 2 : 0;
        String dashboard = "/console/organisations/" + organisation.value() + "/dashboard";

        browser.visit(dashboard + "?lang=fr");
        assertThat(browser.driver().findElement(By.id("expiring-this-month")).getText())
                .isEqualTo("Badges qui expirent ce mois-ci : " + expected);
        browser.shoot("dashboard-expiring-1280-fr");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.visit(dashboard + "?lang=en");
        assertThat(browser.driver().findElement(By.id("expiring-this-month")).getText())
                .isEqualTo("Badges expiring this month: " + expected);
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        browser.shoot("dashboard-expiring-390-en");
    }

    private long pageWidth() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth;")).longValue();
    }
}
