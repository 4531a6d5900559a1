package org.insigne.web.issuer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.RecipientStatus;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.collection.BadgeCollectionService;
import org.insigne.backpack.collection.BadgeCollectionView;
import org.insigne.backpack.imports.ImportService;
import org.insigne.backpack.sharing.AnonymousCvService;
import org.insigne.backpack.sharing.CvView;
import org.insigne.backpack.sharing.ProfileView;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.network.NetworkId;
import org.insigne.issuer.network.NetworkService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.insigne.web.verify.VerificationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the application, public, earner's and issuer's, opened on a 390 px wide phone in French and in
 * English: none may be wider than the screen (people would have to scroll sideways to read it), and each passes
 * the accessibility check.
 */
@Tag("browser")
@InsigneIntegrationTest
class PhoneWidthBrowserTests {

    private static final int PHONE = 390;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired BackpackService backpack;
    @Autowired BadgeCollectionService collections;
    @Autowired AnonymousCvService cvs;
    @Autowired PublicProfileService profiles;
    @Autowired ImportService imports;
    @Autowired VerificationService verifications;
    @Autowired NetworkService networks;

    Browser browser;
    final List<String> tooWide = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
        browser.driver().manage().window().setSize(new Dimension(PHONE, 844));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        AccountUser owner = fixture.account("Dominique");
        AccountUser member = fixture.account("Alexandre-Emmanuel");
        OrganisationId organisation = fixture.organisation(owner, "Fédération départementale des foyers ruraux");
        fixture.join(organisation, owner, member, StaffRole.AWARDER);
        BadgeClassId badgeClass = badgeClasses.create(organisation, owner.id(),
                ConsoleFixture.content("Animer une réunion"), ImageUploads.accept(realPng())).id();
        badgeClasses.publish(organisation, badgeClass, owner.id());
        HostedUrls urls = new HostedUrls("http://localhost:" + port);
        AwardView mine = awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(),
                owner.email(), "Dominique Lefèvre-Dupont", "Je transmets",
                "https://association-des-benevoles-du-departement.example.org/preuves/2026/reunion-generale-annuelle",
                "A animé l'assemblée générale.", null), urls);
        AwardView revoked = awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(),
                "camille.martin-de-la-fontaine@association-des-benevoles.example.org", "Camille Martin",
                "Je fais", null, null, null), urls);
        awards.revoke(organisation, revoked.id(), owner.id(), "Délivré par erreur, à la suite d'une confusion entre "
                + "deux personnes portant le même nom dans le registre des bénévoles");
        String org = "/console/organisations/" + organisation.value();
        String bc = org + "/badge-classes/" + badgeClass.value();
        NetworkId network = networks.create(owner.id(), new OrganisationProfile(
                "Réseau départemental des associations d'éducation populaire et de loisirs", "Le réseau **des "
                + "foyers** du département.", "https://reseau-des-associations-du-departement.example.org/presentation",
                null, null, "Centre-Val de Loire"), null, urls).id();
        networks.invite(network, owner.id(), organisation);
        String net = "/console/networks/" + network.value();

        browser.visit("/login");
        browser.logIn(owner.email(), ConsoleFixture.PASSWORD);
        browser.visit("/backpack/claim/" + mine.id().value()).click("Ajouter à mon sac à badges");
        StoredBadgeView badge = backpack.badgesOf(owner.id()).get(0);
        backpack.makePublic(owner.id(), badge.id());
        BadgeCollectionView collection = collections.create(owner.id(), "Engagement associatif",
                "Mes badges de bénévole", List.of(badge.id()));
        collections.makePublic(owner.id(), collection.id());
        CvView cv = cvs.create(owner.id(), "Candidature animateur", List.of(badge.id()));
        ProfileView profile = profiles.publish(owner.id(), "Dominique L.");
        String publicBadge = backpack.badge(owner.id(), badge.id()).publicId();
        BadgeId badgeId = badge.id();
        // a badge awarded to an address the owner has not confirmed: kept, shown as not theirs
        AwardView someoneElses = awards.award(organisation, badgeClass, owner.id(), new AwardRequest(UUID.randomUUID(),
                "sacha.durand@example.org", "Sacha Durand", "Je fais", null, null, null), urls);
        BadgeInput credential = BadgeInput.text(new String(awards.credential(someoneElses.id()).orElseThrow(),
                StandardCharsets.UTF_8));
        StoredBadgeView unconfirmed = imports.importBadge(owner.id(), credential,
                verifications.verify(credential.toRequest(owner.email())).join());
        assertThat(unconfirmed.recipientStatus()).isEqualTo(RecipientStatus.NOT_CONFIRMED);

        for (String language : List.of("fr", "en")) {
            browser.visit("/?lang=" + language);
            check("/");
            for (String page : List.of("/verify", "/territoire", "/ob2/assertions/" + mine.id().value(),
                    "/ob3/credentials/" + revoked.id().value(), "/ob2/badge-classes/" + badgeClass.value(),
                    "/ob2/issuers/" + organisation.value(), "/p/badges/" + publicBadge,
                    "/p/collections/" + collection.publicId(), "/p/cv/" + cv.publicId(),
                    "/p/profiles/" + profile.publicId(),
                    "/backpack", "/backpack/badges/" + badgeId.value(), "/backpack/badges/" + unconfirmed.id().value(),
                    "/backpack/collections",
                    "/backpack/collections/" + collection.id().value(), "/backpack/cvs", "/backpack/profile",
                    "/backpack/territory", "/backpack/claim/" + mine.id().value(), "/account", "/account/emails",
                    "/console", "/console/organisations/new", "/console/invitations", org, org + "/profile",
                    org + "/staff", org + "/dashboard", org + "/audit", org + "/badge-classes",
                    org + "/badge-classes/new", bc, bc + "/edit", bc + "/awards", bc + "/bulk",
                    "/console/networks", "/console/networks/new", net, org + "/networks", "/reseaux",
                    "/reseaux/" + network.value())) {
                check(page);
            }
            verifyDidKeyCredential();
        }
        bulkJob(bc);

        browser.driver().manage().deleteAllCookies();
        for (String language : List.of("fr", "en")) {
            browser.visit("/?lang=" + language);
            for (String page : List.of("/login", "/signup", "/password/forgot")) {
                check(page);
            }
        }
        assertThat(tooWide).as("pages wider than a %d px screen", PHONE).isEmpty();
    }

    private void verifyDidKeyCredential() throws Exception {
        Ob3TestCredentials credentials = new Ob3TestCredentials();
        String json = BoundedJson.MAPPER.writeValueAsString(credentials.signed(credentials.credential(
                "camille.martin@example.org", null)));
        browser.visit("/verify");
        // typing a whole credential key by key takes long; the page reads the field the same either way
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('pasted').value = arguments[0];", json);
        browser.driver().findElement(By.cssSelector("main form.form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector(".checks li")).isEmpty());
        assertThat(browser.text()).contains("did:key:");
        browser.assertAccessible();
        measure("/verify (did:key)");
    }

    private void bulkJob(String bc) throws Exception {
        Path csv = Files.createTempFile("badges", ".csv");
        Files.writeString(csv, "courriel;nom;niveau\nsacha.petit-de-la-riviere@association-des-benevoles.example.org;"
                + "Sacha Petit;Je transmets\npas-une-adresse;Alex;Je fais\n", StandardCharsets.UTF_8);
        browser.visit("/?lang=fr");
        browser.visit(bc + "/bulk");
        browser.field("Fichier CSV").sendKeys(csv.toString());
        browser.click("Vérifier le fichier");
        measure("bulk preview");
        // the page follows the job with a script that reloads it: check it once the report is there
        browser.driver().findElement(By.xpath("//button[normalize-space(.)='Décerner 1 badge']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains("Décernés : 1"));
        browser.assertAccessible();
        measure("bulk job");
        Files.deleteIfExists(csv);
    }

    private void check(String page) {
        browser.visit(page);
        measure(page);
    }

    private void measure(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        assertThat(innerWidth).isLessThanOrEqualTo(PHONE);
        browser.shoot("390-" + browser.htmlLang() + page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id")
                .replaceAll("[^A-Za-z0-9]+", "-"));
        if (scrollWidth > innerWidth) {
            Object culprits = js.executeScript("""
                    return Array.from(document.querySelectorAll('main *'))
                        .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                        .slice(-3).map(e => e.tagName + '.' + e.className + '#' + e.id).join(' ');""");
            tooWide.add(page + " (" + browser.htmlLang() + "): " + scrollWidth + " px, " + culprits);
            System.out.println("Too wide: " + tooWide.get(tooWide.size() - 1));
        }
    }

    private static byte[] realPng() throws Exception {
        try (InputStream in = PhoneWidthBrowserTests.class.getResourceAsStream("/badge.png")) {
            return in.readAllBytes();
        }
    }
}
