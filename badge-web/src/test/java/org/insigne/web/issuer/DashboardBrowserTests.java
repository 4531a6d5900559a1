package org.insigne.web.issuer;

import java.util.UUID;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a badge is awarded, the owner opens the dashboard from the organisation's page, reads the counts and the
 * activity, then the audit log filtered to awards; every page passes the accessibility check.
 */
@Tag("browser")
@InsigneIntegrationTest
class DashboardBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;

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
    void ownerReadsTheDashboardAfterAnAward() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        AccountUser owner = fixture.account("Marie");
        OrganisationId organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        BadgeClassId badgeClass = fixture.published(organisation, owner);
        awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(),
                "jean.petit@example.org", "Jean Petit", "Je fais", null, null, null), new HostedUrls("http://localhost"));

        browser.visit("/login");
        browser.fill("Adresse e-mail", owner.email()).fill("Mot de passe", ConsoleFixture.PASSWORD).click("Se connecter");
        browser.visit("/console/organisations/" + organisation.value());
        browser.click("Tableau de bord");

        assertThat(browser.heading()).isEqualTo("Tableau de bord : Ligue de l'enseignement");
        String row = browser.driver().findElement(By.xpath("//tbody/tr[th[normalize-space(.)='Animer une réunion']]")).getText();
        assertThat(row).contains("Publié").endsWith("1 0 0");
        assertThat(browser.driver().findElement(By.xpath("//tfoot/tr")).getText()).isEqualTo("Total 1 0 0");
        assertThat(browser.text()).contains("Marie a décerné « Animer une réunion » à j***@example.org")
                .doesNotContain("jean.petit@example.org");

        browser.click("Journal d'audit complet");
        assertThat(browser.heading()).isEqualTo("Journal d'audit : Ligue de l'enseignement");
        new Select(browser.field("Action")).selectByVisibleText("Badge décerné");
        browser.click("Filtrer");
        assertThat(browser.driver().findElements(By.xpath("//tbody/tr"))).hasSize(1);
        assertThat(browser.text()).contains("Journal d'audit, page 1 sur 1 (une entrée)", owner.email(),
                "Marie a décerné « Animer une réunion » à j***@example.org");
        // the time of each entry in the reader's language, with the display zone named (Paris: CET or CEST)
        assertThat(browser.driver().findElement(By.xpath("//tbody/tr/td/time")).getText())
                .matches("\\d{1,2} \\p{L}+ \\d{4}, \\d{2}:\\d{2} CES?T");
    }
}
