package org.insigne.web.backpack;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An earner whose badge entered the backpack when the address was confirmed logs in and lands in the
 * backpack; the criteria written in Markdown read as formatted text there, on the public page and in
 * "Vérifier un badge", with the skills the badge aligns to; a visitor of the public page gets no share buttons
 * meant for the owner, but its address to copy and every form of the badge as a file named after it. In French
 * and English, on a desktop and on a 390 px phone.
 */
@Tag("browser")
@InsigneIntegrationTest
class EarnerLandingBrowserTests {

    private static final String ESCO = "http://data.europa.eu/esco/skill/7c3d3e8e-5a1b-4f3c-9a55-2f0b0b8d1a11";
    private static final String CRITERIA = "Avoir encadré **au moins 6 chantiers** dans le respect de "
            + "[la charte](https://charte.example.org/benevoles).";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired BackpackService backpack;

    private final String email = Earners.address("camille");
    Browser earner;

    @BeforeEach
    void open() {
        earner = Browser.open(port);
    }

    @AfterEach
    void close() {
        earner.close();
    }

    @Test
    void landsInTheBackpackAndReadsTheCriteriaFormatted() throws Exception {
        AwardId award = award();
        earner.signUpAndConfirm(email, "Camille Martin", Earners.PASSWORD, 1);
        UUID user = accounts.loadUserByUsername(email).id();
        awaitBadgeOf(user);

        earner.visit("/login").logIn(email, Earners.PASSWORD);
        assertThat(earner.heading()).isEqualTo("Mon sac à badges");

        // the award mail's claim link, opened signed out, after the badge was added at address confirmation
        try (Browser mailLink = Browser.open(port)) {
            mailLink.visit("/backpack/claim/" + award.value());
            assertThat(mailLink.heading()).isEqualTo("Se connecter");
            assertThat(mailLink.text()).contains("Vous avez reçu un badge. Connectez-vous pour l'ajouter à votre sac");
            mailLink.logIn(email, Earners.PASSWORD);
            assertThat(mailLink.heading()).isEqualTo("Ajouter un badge reçu");
            assertThat(mailLink.text()).contains("Ce badge est déjà dans votre sac à badges");
            assertThat(mailLink.driver().findElements(By.xpath("//button[normalize-space(.)='Ajouter à mon sac à badges']")))
                    .isEmpty();
            mailLink.click("Voir le badge dans mon sac");
            assertThat(mailLink.heading()).isEqualTo("Encadrer un chantier");
        }

        StoredBadgeView badge = backpack.badgesOf(user).get(0);
        backpack.makePublic(user, badge.id());
        String publicPage = "/p/badges/" + backpack.badge(user, badge.id()).publicId();
        try (Browser visitor = Browser.open(port)) {
            for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
                earner.driver().manage().window().setSize(size);
                visitor.driver().manage().window().setSize(size);
                for (String language : List.of("fr", "en")) {
                    earner.visit("/backpack/badges/" + badge.id().value() + "?lang=" + language);
                    assertFormattedCriteria(earner);
                    assertSkills(earner);
                    assertThat(earner.driver().findElement(By.id("short-link")).getText())
                            .matches("http://localhost:" + port + "/b/[A-Za-z0-9_-]{16}");
                    earner.shoot("backpack-badge-" + size.width + "-" + language);
                    assertThat(earner.driver().findElement(By.id("public-link")).getText())
                            .startsWith("http://localhost:" + port + "/p/badges/");
                    assertThat(earner.driver().findElements(By.cssSelector("button.copy"))).extracting(WebElement::getText)
                            .contains("en".equals(language) ? "Copy the address" : "Copier l'adresse");
                    assertThat(earner.text()).contains("en".equals(language)
                            ? "Add to my LinkedIn profile" : "Ajouter à mon profil LinkedIn");

                    visitor.visit(publicPage + "?lang=" + language);
                    assertFormattedCriteria(visitor);
                    assertSkills(visitor);
                    assertCopiable(visitor, "http://localhost:" + port + publicPage, language);
                    assertThat(visitor.driver().findElements(By.cssSelector(".machine-forms a")))
                            .extracting(a -> a.getAttribute("download"))
                            .containsExactly("encadrer-un-chantier.json", "encadrer-un-chantier.png");
                    visitor.shoot("public-badge-" + size.width + "-" + language);
                    assertThat(visitor.text()).doesNotContain("LinkedIn", "Mastodon");
                    assertThat(visitor.driver().findElements(By.cssSelector(".share"))).isEmpty();

                    visitor.visit("/ob2/assertions/" + award.value() + "?lang=" + language);
                    visitor.shoot("award-page-" + size.width + "-" + language);
                    assertSkills(visitor);
                    assertCopiable(visitor, "http://localhost:" + port + "/ob2/assertions/" + award.value(), language);
                    assertThat(visitor.driver().findElements(By.cssSelector(".machine-forms a")))
                            .extracting(a -> a.getAttribute("download"))
                            .containsExactly("encadrer-un-chantier-ob2.json", "encadrer-un-chantier.json",
                                    "encadrer-un-chantier.jws", "encadrer-un-chantier.jwt",
                                    "encadrer-un-chantier-ob2.png", "encadrer-un-chantier-ob3.png",
                                    "encadrer-un-chantier-ob2.svg", "encadrer-un-chantier-ob3.svg");
                    visitor.assertFitsWidth();

                    visitor.visit("/verify?lang=" + language);
                    visitor.driver().findElement(By.id("pasted"))
                            .sendKeys("http://localhost:" + port + "/ob2/assertions/" + award.value());
                    visitor.driver().findElement(By.cssSelector("main form.form button[type=submit]")).click();
                    visitor.assertAccessible();
                    assertFormattedCriteria(visitor);
                    assertSkills(visitor);
                    visitor.shoot("verify-result-" + size.width + "-" + language);
                }
            }
        }
    }

    @Test
    void landsOnAChoiceWhenBothEarnerAndStaff() throws Exception {
        award();
        earner.signUpAndConfirm(email, "Camille Martin", Earners.PASSWORD, 1);
        UUID user = accounts.loadUserByUsername(email).id();
        awaitBadgeOf(user);
        organisations.create(user, "Foyer rural de Chinon");

        earner.visit("/login").logIn(email, Earners.PASSWORD);
        assertThat(earner.heading()).isEqualTo("Où voulez-vous aller ?");
        earner.visit("/start?lang=en");
        assertThat(earner.heading()).isEqualTo("Where do you want to go?");
        earner.shoot("start-1280-en");
        earner.click("Issuer console");
        assertThat(earner.heading()).isEqualTo("Issuer console");
    }

    /** The badge enters the backpack off the thread that confirmed the address. */
    private void awaitBadgeOf(UUID user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (backpack.countOf(user) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(backpack.countOf(user)).isEqualTo(1);
    }

    /** The ESCO skill the badge aligns to, linked by its name, with its framework and code; and its tag. */
    private static void assertSkills(Browser browser) {
        WebElement alignment = browser.driver().findElement(By.cssSelector(".alignments li"));
        assertThat(alignment.getText()).isEqualTo("encadrer des bénévoles (ESCO, code S4.8.1)");
        assertThat(alignment.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(ESCO);
        assertThat(browser.driver().findElement(By.cssSelector("ul.tags")).getText()).isEqualTo("chantier");
    }

    /** The page's own absolute address in a field, with a copy button in the page's language (a script's). */
    private static void assertCopiable(Browser browser, String url, String language) {
        assertThat(browser.driver().findElement(By.id("public-url")).getAttribute("value")).isEqualTo(url);
        assertThat(browser.driver().findElements(By.cssSelector(".public-address button.copy")))
                .extracting(WebElement::getText).containsExactly("en".equals(language) ? "Copy the address"
                        : "Copier l'adresse");
    }

    private static void assertFormattedCriteria(Browser browser) {
        WebElement criteria = browser.driver().findElement(By.cssSelector(".criteria"));
        assertThat(criteria.getText()).contains("au moins 6 chantiers", "la charte").doesNotContain("**", "](");
        assertThat(criteria.findElement(By.tagName("strong")).getText()).isEqualTo("au moins 6 chantiers");
        assertThat(criteria.findElement(By.tagName("a")).getAttribute("href"))
                .isEqualTo("https://charte.example.org/benevoles");
    }

    private AwardId award() throws Exception {
        UUID owner = UUID.randomUUID();
        OrganisationId organisation = organisations.create(owner, "Ligue de l'enseignement").id();
        byte[] png;
        try (InputStream in = getClass().getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        BadgeClassId badgeClass = badgeClasses.create(organisation, owner, new BadgeClassContent("Encadrer un chantier",
                "Savoir encadrer un chantier de bénévoles.", CRITERIA,
                List.of(new Alignment("ESCO", "S4.8.1", "encadrer des bénévoles", ESCO)), List.of("chantier"),
                BadgeClassContent.DEFAULT_LEVELS, null, false), ImageUploads.accept(png)).id();
        badgeClasses.publish(organisation, badgeClass, owner);
        return awards.award(organisation, badgeClass, owner, new AwardRequest(UUID.randomUUID(), email,
                "Camille Martin", BadgeClassContent.DEFAULT_LEVELS.get(0), null, null, null),
                new HostedUrls("http://localhost:" + port)).id();
    }
}
