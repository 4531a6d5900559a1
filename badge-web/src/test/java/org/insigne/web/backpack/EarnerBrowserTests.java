package org.insigne.web.backpack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An earner claims a badge from the award mail's link (signing in on the way), confirms a second address, and
 * a stranger opens their public profile. Every page is checked with axe.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class EarnerBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;

    @TempDir Path files;

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
    void claimsABadgeFromTheAwardMailAfterSigningIn() throws Exception {
        signUpAndConfirm();
        Earners.Issuer issuer = Earners.issuer(organisations, badgeClasses);
        AccountUser owner = new Earners(mvc, jdbc, accounts).confirmed(Earners.address("owner"), "Owner");
        jdbc.update("update membership set user_id = ? where user_id = ?", owner.id(), issuer.owner());
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/awards", issuer.organisation().value(),
                        issuer.badgeClass().value())
                        .with(r -> {
                            r.setServerName("127.0.0.1");
                            r.setServerPort(port);
                            return r;
                        })
                        .with(user(owner)).with(csrf())
                        .param("formToken", java.util.UUID.randomUUID().toString())
                        .param("recipientEmail", email).param("recipientName", "Camille Martin")
                        .param("level", "Je transmets"))
                .andExpect(status().isFound());

        String claim = MailServer.link(MailServer.awaitMail(email, 2, Duration.ofSeconds(20)), "/backpack/claim/");
        earner.visit(claim);
        assertThat(earner.heading()).isEqualTo("Se connecter");
        earner.logIn(email, Earners.PASSWORD);
        assertThat(earner.heading()).isEqualTo("Ajouter un badge reçu");
        assertThat(earner.text()).contains("Animer une réunion", email);

        earner.click("Ajouter à mon sac à badges");
        assertThat(earner.heading()).isEqualTo("Animer une réunion");
        assertThat(earner.text()).contains("Le badge reçu a été ajouté à votre sac", "Vérifié",
                "L'image PNG du badge");
    }

    @Test
    void addsASecondAddressAndConfirmsItFromTheMail() throws Exception {
        signUpAndConfirm();
        logIn();
        String second = Earners.address("camille.asso");
        earner.visit("/account/emails");
        assertThat(earner.heading()).isEqualTo("Mes adresses e-mail");
        earner.fill("Adresse e-mail à ajouter", second).click("Ajouter cette adresse");
        assertThat(earner.text()).contains("Un lien de confirmation a été envoyé", second, "En attente de confirmation");

        earner.visit(MailServer.link(MailServer.awaitMail(second, 1, Duration.ofSeconds(20)), "/account/confirm-address"));
        assertThat(earner.heading()).isEqualTo("Mes adresses e-mail");
        assertThat(earner.text()).contains("Adresse confirmée.").doesNotContain("En attente de confirmation");
        assertThat(accounts.confirmedAddresses(accounts.loadUserByUsername(email).id())).contains(second);
    }

    @Test
    void showsThePublicProfileToSomeoneNotSignedIn() throws Exception {
        signUpAndConfirm();
        logIn();
        try (HostedBadgeServer site = HostedBadgeServer.start(email)) {
            Path badge = files.resolve("badge.png");
            Files.write(badge, BadgeUploads.bakedPng(site.assertion()));
            earner.visit("/backpack");
            earner.driver().findElement(By.id("file")).sendKeys(badge.toString());
            earner.click("Ajouter à mon sac");
            earner.click("Rendre public");

            earner.visit("/backpack");
            earner.click("Mon profil public");
            assertThat(earner.text()).contains("Votre profil public est désactivé");
            earner.fill("Nom affiché sur votre profil", "Camille M.").click("Activer mon profil public");
            String profile = earner.driver().findElement(By.id("profile-link")).getAttribute("href");

            try (Browser stranger = Browser.open(port)) {
                stranger.visit(profile);
                assertThat(stranger.heading()).isEqualTo("Camille M.");
                assertThat(stranger.text()).contains("Animateur bénévole").doesNotContain(email)
                        .doesNotContain("Camille Martin");

                earner.click("Désactiver mon profil public");
                stranger.visit(profile);
                assertThat(stranger.text()).doesNotContain("Animateur bénévole");
            }
        }
    }

    private void signUpAndConfirm() {
        earner.signUpAndConfirm(email, "Camille Martin", Earners.PASSWORD, 1);
    }

    private void logIn() {
        earner.visit("/login").logIn(email, Earners.PASSWORD);
    }
}
