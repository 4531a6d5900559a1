package org.insigne.web.issuer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.claimcode.ClaimCodeService;
import org.insigne.issuer.claimcode.ClaimCodeSettings;
import org.insigne.issuer.claimcode.ClaimCodeView;
import org.insigne.issuer.claimcode.ClaimMode;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's claim code, end to end: the issuer creates it in the console, a participant who has no account
 * opens its short address, signs up through it, comes back to it and gets a badge that verifies; a code in
 * application mode sends an application a reviewer awards. Every page passes axe, in French and in English,
 * at 1280 and 390 pixels wide without sideways scrolling.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class ClaimCodeBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ClaimCodeService codes;
    @Autowired ApplicationService applications;

    Browser browser;
    ConsoleFixture fixture;
    AccountUser owner;
    OrganisationId organisation;
    BadgeClassId badgeClass;

    @BeforeEach
    void publishABadge() throws Exception {
        browser = Browser.open(port);
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Dominique");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        badgeClass = fixture.published(organisation, owner);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aSignedOutParticipantSignsUpThroughTheCodeAndGetsAVerifiedBadge() throws Exception {
        signIn(owner);
        browser.visit(organisationPath() + "/badge-classes/" + badgeClass.value());
        browser.click("Codes pour un événement (QR code à afficher)");
        assertThat(browser.heading()).isEqualTo("Codes du badge « Animer une réunion »");
        browser.fill("Nombre maximal d'utilisations (1 à 100 000)", "40").click("Créer le code");
        assertThat(browser.text()).contains("Le code est créé", "0 sur 40", "Actif");
        String code = browser.driver().findElement(By.id("the-code")).getText().replace("-", "");
        String shortLink = browser.driver().findElement(By.id("short-link")).getText();
        assertThat(shortLink).endsWith("/c/" + code);
        signOut();

        browser.visit("/c/" + code);
        assertThat(browser.heading()).isEqualTo("Recevoir le badge « Animer une réunion »");
        browser.click("Se connecter pour recevoir ce badge");
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.signUpAndConfirm(email, "Camille Martin", ConsoleFixture.PASSWORD, 1);
        browser.logIn(email, ConsoleFixture.PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).contains("/backpack/codes/" + code);
        assertThat(browser.heading()).isEqualTo("Recevoir le badge « Animer une réunion »");
        browser.driver().findElement(By.id("consent")).click();
        browser.click("Recevoir le badge");
        assertThat(browser.text()).contains("Le badge vous est décerné.");
        browser.click("Ajouter à mon sac à badges");
        browser.visit("/backpack");
        assertThat(browser.text()).contains("Animer une réunion");

        byte[] original = jdbc.queryForObject("select b.original from backpack_badge b join user_account u"
                + " on u.id = b.owner_id where u.email = ?", byte[].class, email);
        assertThat(ApplyLinkIntegrationTests.verify(mvc, new MockMultipartFile("file", "badge.png", "image/png",
                original), email)).contains("\"verdict\":\"valid\"");
        assertThat(ApplicationIntegrationTests.text(
                org.insigne.web.testing.MailServer.awaitMail(email, 2, Duration.ofSeconds(20))))
                .contains("Animer une réunion");

        browser.visit("/c/" + code);
        browser.driver().findElement(By.id("consent")).click();
        browser.click("Recevoir le badge");
        assertThat(browser.text()).contains("Vous avez déjà utilisé ce code.");
        assertThat(jdbc.queryForObject("select count(*) from award where recipient_email = ?", Integer.class, email))
                .isEqualTo(1);
        signOut();

        signIn(owner);
        browser.visit(organisationPath() + "/badge-classes/" + badgeClass.value() + "/claim-codes");
        assertThat(browser.text()).contains("1 sur 40");
        browser.click(code.substring(0, 5) + "-" + code.substring(5));
        browser.click("Fermer ce code maintenant");
        assertThat(browser.text()).contains("Le code est fermé", "Fermé");
    }

    @Test
    void aCodeInApplicationModeSendsAnApplicationAReviewerAwards() throws Exception {
        ClaimCodeView code = code(ClaimMode.APPLICATION);
        AccountUser participant = fixture.account("Sacha");
        signIn(participant);
        browser.visit("/c?lang=fr");
        browser.fill("Code reçu lors de l'événement", code.display().toLowerCase(java.util.Locale.ROOT))
                .click("Continuer");
        assertThat(browser.text()).contains("vous envoyez une demande");
        browser.fill("Ce que vous avez fait", "J'ai tenu le stand de la Ligue au forum.");
        browser.driver().findElement(By.id("consent")).click();
        browser.click("Envoyer la demande");
        assertThat(browser.text()).contains("Votre demande est envoyée", "Envoyée, en attente de relecture");
        signOut();

        signIn(owner);
        browser.visit(organisationPath() + "/applications");
        browser.click("Sacha");
        assertThat(browser.text()).contains("J'ai tenu le stand de la Ligue au forum.");
        browser.click("Décerner le badge");
        assertThat(browser.text()).contains("Le badge est décerné");
        assertThat(applications.mine(participant.id())).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(ApplicationState.AWARDED));
    }

    /** Every new page in both languages and at both widths: axe finds nothing, nothing scrolls sideways. */
    @Test
    void showsEveryPageInFrenchAndEnglishOnAPhoneAndADesktop() throws Exception {
        ClaimCodeView award = code(ClaimMode.AWARD);
        ClaimCodeView apply = code(ClaimMode.APPLICATION);
        ClaimCodeView closed = code(ClaimMode.AWARD);
        codes.close(organisation, closed.id(), owner.id());
        String longName = PosterIntegrationTests.LONG_NAME;
        BadgeClassId longClass = badgeClasses.create(organisation, owner.id(), ConsoleFixture.content(longName),
                ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, longClass, owner.id());
        ClaimCodeView longCode = codes.create(organisation, longClass, owner.id(), settings(ClaimMode.AWARD));
        AccountUser participant = fixture.account("Camille");
        String codePath = organisationPath() + "/claim-codes/";
        List<Page> pages = List.of(
                new Page("enter", null, "/c"),
                new Page("claim-signed-out", null, "/c/" + award.code()),
                new Page("claim-closed", null, "/c/" + closed.code()),
                new Page("claim-award", participant, "/backpack/codes/" + award.code()),
                new Page("claim-application", participant, "/backpack/codes/" + apply.code()),
                new Page("codes", owner, organisationPath() + "/badge-classes/" + badgeClass.value() + "/claim-codes"),
                new Page("code", owner, codePath + award.id().value()),
                new Page("code-long-name", owner, codePath + longCode.id().value()));
        AccountUser signedIn = null;
        for (Page page : pages) {
            if (page.who() != signedIn) {
                if (signedIn != null) {
                    signOut();
                }
                if (page.who() != null) {
                    signIn(page.who());
                }
                signedIn = page.who();
            }
            for (String lang : List.of("fr", "en")) {
                for (int width : List.of(1280, 390)) {
                    browser.driver().manage().window().setSize(new Dimension(width, 900));
                    browser.visit(page.path() + "?lang=" + lang);
                    assertThat(browser.htmlLang()).isEqualTo(lang);
                    assertThat(browser.text()).doesNotContain("??");
                    long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertThat(overflow).as(page.name() + " " + lang + " " + width).isLessThanOrEqualTo(0);
                    browser.shoot("claim-code-" + page.name() + "-" + lang + "-" + width);
                }
            }
        }
    }

    record Page(String name, AccountUser who, String path) {
    }

    private ClaimCodeView code(ClaimMode mode) {
        return codes.create(organisation, badgeClass, owner.id(), settings(mode));
    }

    private static ClaimCodeSettings settings(ClaimMode mode) {
        return new ClaimCodeSettings(mode, "", Instant.now().minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofHours(8)), 50);
    }

    private void signIn(AccountUser who) {
        browser.visit("/login?lang=fr");
        browser.logIn(who.email(), ConsoleFixture.PASSWORD);
    }

    private void signOut() {
        browser.logOut();
    }

    private String organisationPath() {
        return "/console/organisations/" + organisation.value();
    }
}
