package org.insigne.web.backpack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An earner signs up, imports the baked badge an issuer sent them, shares it, and a recruiter who is not
 * signed in opens the public page, until the earner makes the badge private again.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class BackpackBrowserTests {

    private static final String PASSWORD = "une phrase de passe solide";

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private final String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Browser earner;
    HostedBadgeServer issuerSite;

    @BeforeEach
    void open() {
        earner = Browser.open(port);
        issuerSite = HostedBadgeServer.start(email);
    }

    @AfterEach
    void close() {
        earner.close();
        issuerSite.close();
    }

    @Test
    void importsABakedBadgeSharesItAndHidesItAgain() throws Exception {
        signUpAndLogIn();
        earner.visit("/backpack");
        assertThat(earner.heading()).isEqualTo("Mon sac à badges");
        assertThat(earner.text()).contains("Votre sac à badges est vide.");

        earner.driver().findElement(By.id("file")).sendKeys(bakedBadge().toString());
        earner.click("Ajouter à mon sac");
        assertThat(earner.heading()).isEqualTo("Animateur bénévole");
        assertThat(earner.text()).contains("Le badge a été ajouté à votre sac", "Privé : vous seul le voyez");

        earner.click("Retour à mon sac à badges");
        assertThat(earner.driver().findElement(By.cssSelector(".badge-card .status")).getText()).isEqualTo("Vérifié");
        assertThat(earner.text()).contains("Animateur bénévole", "délivré par Ligue de l'enseignement d'Indre-et-Loire");

        earner.driver().findElement(By.id("file")).sendKeys(bakedBadge().toString());
        earner.click("Ajouter à mon sac");
        assertThat(earner.driver().findElement(By.cssSelector(".error-summary")).getText())
                .contains("Ce badge est déjà dans votre sac");
        assertThat(earner.driver().findElements(By.cssSelector(".badge-card"))).hasSize(1);

        earner.click("Animateur bénévole").click("Rendre public");
        String publicUrl = earner.driver().findElement(By.id("public-link")).getAttribute("href");
        assertThat(publicUrl).contains("/p/badges/");

        try (Browser recruiter = Browser.open(port)) {
            recruiter.visit(publicUrl);
            assertThat(recruiter.heading()).isEqualTo("Animateur bénévole");
            assertThat(recruiter.text()).contains("Ligue de l'enseignement d'Indre-et-Loire", "Authentique",
                    "D'après la dernière vérification faite par Insigne, le")
                    .doesNotContain(email).doesNotContain("Camille");

            earner.click("Rendre privé");
            assertThat(earner.text()).contains("Privé : vous seul le voyez");

            recruiter.visit(publicUrl);
            assertThat(recruiter.text()).contains("n'est plus public").doesNotContain("Animateur bénévole");
        }
    }

    private void signUpAndLogIn() {
        earner.signUpAndConfirm(email, "Camille Martin", PASSWORD, 1).logIn(email, PASSWORD);
    }

    private Path bakedBadge() throws Exception {
        byte[] png = Files.readAllBytes(Path.of(getClass().getResource("/badge.png").toURI()));
        byte[] baked = new Baker(BakingLimits.defaults()).bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION,
                Ob2Json.mapper().writeValueAsString(issuerSite.assertion()), null));
        Path file = files.resolve("animateur-benevole.png");
        Files.write(file, baked);
        return file;
    }
}
