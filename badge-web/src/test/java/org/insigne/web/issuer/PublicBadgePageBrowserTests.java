package org.insigne.web.issuer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter opens the link of a badge: a valid, a revoked and an expired one, in French and English, on a
 * desktop and at 360 px wide; and asks whether the badge belongs to the person in front of them.
 */
@Tag("browser")
@InsigneIntegrationTest
class PublicBadgePageBrowserTests {

    @LocalServerPort int port;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;

    Browser browser;
    UUID owner;
    OrganisationId organisation;
    String email;

    @BeforeEach
    void open() {
        browser = Browser.open(port);
        owner = UUID.randomUUID();
        organisation = organisations.create(owner, "Ligue de l'enseignement").id();
        email = "sacha." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void showsAValidBadgeAndAnswersWhetherItBelongsToSomeone() {
        AwardView award = award(badgeClass(null), null);
        String page = "/ob2/assertions/" + award.id().value();

        browser.visit(page);
        assertThat(browser.heading()).isEqualTo("Animer une réunion");
        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.text()).contains("Je transmets", "Ligue de l'enseignement", "Avoir animé trois réunions.",
                "A animé l'assemblée générale.", "Ce badge appartient-il à la personne qui vous le présente ?", "Open Badges 3.0 : justificatif VC-JWT")
                .doesNotContain("Recommandations");
        assertThat(browser.driver().getPageSource()).doesNotContain(email).doesNotContain("Sacha Petit");

        browser.fill("Adresse e-mail de la personne", email.toUpperCase()).click("Vérifier le titulaire");
        assertThat(browser.text()).contains("Oui : ce badge a été délivré à l'adresse saisie.");
        assertThat(verdict()).isEqualTo("Authentique");
        assertThat(browser.driver().getPageSource()).doesNotContain(email);

        browser.fill("Adresse e-mail de la personne", "quelqu.un@example.org").click("Vérifier le titulaire");
        assertThat(browser.text()).contains("Non : ce badge n'a pas été délivré à l'adresse saisie.");

        browser.visit("/ob3/credentials/" + award.id().value() + "?lang=en");
        assertThat(browser.htmlLang()).isEqualTo("en");
        assertThat(verdict()).isEqualTo("Genuine");
        assertThat(browser.text()).contains("Level reached", "Does this badge belong to the person showing it to you?");
        browser.fill("The person's e-mail address", email).click("Check the holder");
        assertThat(browser.text()).contains("Yes: this badge was issued to the address entered.");
    }

    @Test
    void showsARevokedBadgeAsRevokedWithTheReason() {
        AwardView award = award(badgeClass(null), null);
        awards.revoke(organisation, award.id(), owner, "Délivré par erreur");

        browser.visit("/ob3/credentials/" + award.id().value());
        assertThat(verdict()).isEqualTo("Révoqué");
        assertThat(browser.text()).contains("Ce badge a été révoqué par son émetteur le", "Motif : Délivré par erreur");

        browser.visit("/ob2/assertions/" + award.id().value() + "?lang=en");
        assertThat(verdict()).isEqualTo("Revoked");
        assertThat(browser.text()).contains("Reason: Délivré par erreur");
    }

    @Test
    void showsAnExpiredBadgeAsExpiredWithItsDate() {
        LocalDate issued = LocalDate.now(ZoneOffset.UTC).minusMonths(3);
        AwardView award = award(badgeClass(1), issued);
        // the day of an award made at midnight UTC is the same in Paris, the display time zone
        LocalDate expires = issued.plusMonths(1);
        String expiry = expires.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH));

        browser.visit("/ob2/assertions/" + award.id().value());
        assertThat(verdict()).isEqualTo("Expiré");
        assertThat(browser.text()).contains("Ce badge a expiré le " + expiry);

        browser.visit("/ob2/assertions/" + award.id().value() + "?lang=en");
        assertThat(verdict()).isEqualTo("Expired");
        assertThat(browser.text()).contains("This badge expired on "
                + expires.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)));
    }

    @Test
    void fitsA360PixelWideScreenWithoutScrollingSideways() {
        AwardView award = award(badgeClass(null), null);
        awards.revoke(organisation, award.id(), owner, "Délivré par erreur, à la suite d'une confusion entre deux "
                + "personnes portant le même nom dans le registre des bénévoles");
        browser.driver().manage().window().setSize(new Dimension(360, 800));
        for (String language : List.of("fr", "en")) {
            browser.visit("/ob2/assertions/" + award.id().value() + "?lang=" + language);
            Number scrollWidth = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            Number clientWidth = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.clientWidth;");
            assertThat(clientWidth.intValue()).isLessThanOrEqualTo(360);
            assertThat(scrollWidth.intValue()).as("page width at 360 px (" + language + ")")
                    .isLessThanOrEqualTo(clientWidth.intValue());
        }
    }

    private String verdict() {
        return browser.driver().findElement(By.cssSelector(".verdict h2")).getText();
    }

    private BadgeClassId badgeClass(Integer expiryMonths) {
        BadgeClassId id = badgeClasses.create(organisation, owner, new BadgeClassContent("Animer une réunion",
                "Savoir animer une réunion.", "Avoir animé **trois** réunions.", List.of(), List.of("animation"),
                BadgeClassContent.DEFAULT_LEVELS, expiryMonths, false), ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, id, owner);
        return id;
    }

    private AwardView award(BadgeClassId badgeClass, LocalDate issuedOn) {
        return awards.award(organisation, badgeClass, owner, new AwardRequest(UUID.randomUUID(), email, "Sacha Petit",
                "Je transmets", null, "A animé l'assemblée générale.", issuedOn),
                new HostedUrls("http://localhost:" + port));
    }
}
