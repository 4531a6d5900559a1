package org.insigne.web.territory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two earners with the same skill: one on the map, one who opted in and withdrew. A recruiter, not signed in,
 * filters the map, finds only the first, and writes to them; the mail arrives, and no page shows an address.
 * Every page is checked for accessibility, in French and in English.
 */
@Tag("browser")
@InsigneIntegrationTest
class TerritoryBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @TempDir
    Path files;

    TerritoryFixture fixture;
    String word;

    @BeforeEach
    void setUp() {
        fixture = new TerritoryFixture(mvc, jdbc);
        word = "b" + Long.toHexString(System.nanoTime());
    }

    @Test
    void anEarnerOptsInAndARecruiterFindsAndWritesToThemInFrench() throws Exception {
        AccountUser camille = fixture.earner("camille.martin", "Camille Martin", "fr", passwords);
        AccountUser dominique = withdrawnEarner();

        try (Browser earner = Browser.open(port)) {
            earner.visit("/login");
            earner.fill("Adresse e-mail", camille.email()).fill("Mot de passe", TerritoryFixture.PASSWORD)
                    .click("Se connecter");
            earner.visit("/backpack");
            Path badge = files.resolve("badge.png");
            Files.write(badge, fixture.badge(camille, "Animation jeunesse " + word, "animation", "BPJEPS", "Je transmets"));
            earner.driver().findElement(By.id("file")).sendKeys(badge.toString());
            earner.click("Ajouter à mon sac");
            earner.click("Rendre public");

            earner.visit("/backpack");
            earner.click("Carte du territoire apprenant");
            assertThat(earner.heading()).isEqualTo("Apparaître sur la carte du territoire apprenant");
            assertThat(earner.text()).contains("Jamais votre adresse e-mail");
            earner.fill("Pseudonyme ou prénom", "Camille").fill("Commune et code postal", "Tours 37000")
                    .fill("Latitude (par exemple 47,39)", "47,394712").fill("Longitude (par exemple 0,69)", "0,688853");
            earner.driver().findElement(By.cssSelector("input[name=badges]")).click();
            earner.click("Enregistrer");
            assertThat(earner.text()).contains("Cochez la case d'accord");
            earner.driver().findElement(By.id("consent")).click();
            earner.click("Enregistrer");
            assertThat(earner.text()).contains("votre fiche est visible sur la carte", "Vous êtes sur la carte");
            assertThat(earner.field("Latitude (par exemple 47,39)").getAttribute("value")).isEqualTo("47.39");
        }

        try (Browser recruiter = Browser.open(port)) {
            recruiter.visit("/").click("Trouver des compétences près de chez vous");
            assertThat(recruiter.heading()).isEqualTo("Territoire apprenant");
            recruiter.fill("Compétence", "jeunesse " + word).click("Rechercher");
            assertThat(recruiter.text()).contains("Une personne trouvée", "Camille", "Lieu : Tours 37000",
                    "Animation jeunesse " + word, "niveau : Je transmets", "Le fond de carte n'est pas disponible")
                    .doesNotContain("Dominique");
            assertNoPersonalData(recruiter, camille, dominique);

            recruiter.click("Écrire à Camille");
            assertThat(recruiter.heading()).isEqualTo("Écrire à Camille");
            assertNoPersonalData(recruiter, camille, dominique);
            recruiter.fill("Votre nom ou celui de votre structure", "Centre de loisirs des Deux Lions")
                    .fill("Votre adresse e-mail", "pas-une-adresse").fill("Votre message", "Court")
                    .click("Envoyer le message");
            assertThat(recruiter.text()).contains("Saisissez une adresse e-mail valide",
                    "Le message doit compter entre 10 et 2000 caractères");
            recruiter.fill("Votre adresse e-mail", "recrutement@deux-lions.example")
                    .fill("Votre message", "Bonjour, nous cherchons un animateur pour cet été.")
                    .click("Envoyer le message");
            assertThat(recruiter.heading()).isEqualTo("Message envoyé");
            assertNoPersonalData(recruiter, camille, dominique);
        }

        MimeMessage mail = MailServer.awaitMail(camille.email(), 1, Duration.ofSeconds(10));
        assertThat(mail.getSubject()).isEqualTo("Un message pour vous via la carte du territoire apprenant");
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("recrutement@deux-lions.example");
        assertThat(MailServer.body(mail)).contains("Centre de loisirs des Deux Lions");
        assertThat(MailServer.mailsTo(dominique.email())).isEmpty();
    }

    @Test
    void aRecruiterFiltersAndWritesInEnglish() throws Exception {
        AccountUser sam = fixture.earner("sam.taylor", "Sam Taylor", "en", null);
        String badge = fixture.publicBadge(sam, fixture.badge(sam, "Youth work " + word, "youth", "BPJEPS",
                "I pass it on"));
        mvc.perform(fixture.optIn(sam, "Sam", "Tours 37000", "47.39", "0.69", badge))
                .andExpect(status().is3xxRedirection());
        AccountUser dominique = withdrawnEarner();

        try (Browser recruiter = Browser.open(port)) {
            recruiter.visit("/territoire?lang=en");
            assertThat(recruiter.htmlLang()).isEqualTo("en");
            assertThat(recruiter.heading()).isEqualTo("Learning territory");
            recruiter.fill("Skill", word).click("Search");
            assertThat(recruiter.text()).contains("One person found", "Sam", "Place: Tours 37000", "Youth work " + word,
                    "level: I pass it on", "The map background is not available").doesNotContain("Dominique");
            assertNoPersonalData(recruiter, sam, dominique);

            recruiter.click("Write to Sam");
            recruiter.fill("Your name or your organisation's", "Deux Lions holiday centre")
                    .fill("Your e-mail address", "jobs@deux-lions.example")
                    .fill("Your message", "Hello Sam, we are looking for a youth worker this summer.")
                    .click("Send the message");
            assertThat(recruiter.heading()).isEqualTo("Message sent");
            assertNoPersonalData(recruiter, sam, dominique);
        }

        MimeMessage mail = MailServer.awaitMail(sam.email(), 1, Duration.ofSeconds(10));
        assertThat(mail.getSubject()).isEqualTo("A message for you through the learning-territory map");
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("jobs@deux-lions.example");
    }

    /** An earner with a public badge of the same skill, who opted in and then withdrew. */
    private AccountUser withdrawnEarner() throws Exception {
        AccountUser dominique = fixture.earner("dominique.durand", "Dominique Durand", "fr", null);
        String badge = fixture.publicBadge(dominique, fixture.badge(dominique, "Animation jeunesse " + word,
                "animation", "BPJEPS", "Je transmets"));
        mvc.perform(fixture.optIn(dominique, "Dominique", "Tours 37000", "47.39", "0.69", badge))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/backpack/territory/withdraw").with(csrf()).with(user(dominique)))
                .andExpect(status().is3xxRedirection());
        return dominique;
    }

    private static void assertNoPersonalData(Browser page, AccountUser... earners) {
        String source = page.driver().getPageSource();
        for (AccountUser earner : earners) {
            assertThat(source).doesNotContain(earner.email()).doesNotContain(earner.email().split("@")[0])
                    .doesNotContain(earner.id().toString()).doesNotContain(earner.displayName())
                    .doesNotContain("exemple-ecole.org");
        }
    }
}
