package org.insigne.web.issuer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner sets up their organisation and its first badge, then brings a colleague in by e-mail; every page on
 * the way passes the accessibility check.
 */
@Tag("browser")
@InsigneIntegrationTest
class BadgeClassBrowserTests {

    private static final String PASSWORD = "une phrase de passe solide";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

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
    void ownerDescribesTheOrganisationAndPublishesABadge() throws IOException {
        signUpAndLogIn(uniqueEmail("camille"), "Camille Martin");
        createOrganisation("Ligue de l'enseignement d'Indre-et-Loire");

        browser.click("Modifier le profil");
        assertThat(browser.heading()).isEqualTo("Profil de l'organisation");
        browser.fill("Présentation", "Mouvement d'éducation populaire.")
                .fill("Site web", "https://ligue37.example.org")
                .fill("E-mail de contact", "contact@ligue37.example.org")
                .fill("Région", "Centre-Val de Loire");
        browser.field("Logo").sendKeys(svg().toString());
        browser.click("Enregistrer le profil");
        assertThat(browser.text()).contains("Le profil de l'organisation a été enregistré.", "Centre-Val de Loire",
                "https://ligue37.example.org");
        assertThat(browser.driver().findElement(By.cssSelector("img.logo")).getAttribute("src")).contains("/logo");

        browser.click("Badges").click("Créer un badge");
        assertThat(browser.field("Niveaux de compétence").getAttribute("value"))
                .isEqualTo("Je fais\nJe transmets\nJe pilote");
        browser.fill("Nom du badge", "Animer une réunion")
                .fill("Description", "Savoir préparer et animer une réunion d'équipe.")
                .fill("Critères d'obtention", "Avoir **préparé un ordre du jour**.\n\n- animé trois réunions\n- voir [x](javascript:alert(1))")
                .fill("Référentiel", "ESCO")
                .fill("Code", "S1.2.3")
                .fill("Intitulé", "animer des réunions")
                .fill("Adresse de la fiche", "http://data.europa.eu/esco/skill/0a5d7a34-fa29-4c12-a9b4-1c1b4b3a0f3e")
                .fill("Mots-clés", "animation, réunion");
        browser.field("Image du badge").sendKeys(png().toString());
        browser.field("Une preuve est exigée pour obtenir ce badge").click();
        browser.click("Enregistrer le badge");

        assertThat(browser.heading()).isEqualTo("Animer une réunion");
        assertThat(browser.text()).contains("Le badge a été créé comme brouillon.", "Brouillon", "ESCO",
                "animer des réunions", "animation, réunion");
        browser.click("Publier");
        assertThat(browser.text()).contains("Le badge est publié", "Publié");

        String criteria = browser.driver().findElement(By.cssSelector(".criteria")).getAttribute("innerHTML");
        assertThat(criteria).contains("<strong>préparé un ordre du jour</strong>", "<li>animé trois réunions</li>")
                .doesNotContainIgnoringCase("javascript").doesNotContain("href");
        assertThat(browser.driver().findElements(By.cssSelector("ol.levels li")))
                .extracting(e -> e.getText()).containsExactly("Je fais", "Je transmets", "Je pilote");

        browser.click("Retour aux badges");
        assertThat(browser.text()).contains("Animer une réunion", "Publié");
    }

    @Test
    void invitedColleagueJoinsAsAwarder() throws Exception {
        signUpAndLogIn(uniqueEmail("owner"), "Camille Martin");
        createOrganisation("Badgeons la Normandie");

        String colleague = uniqueEmail("sacha");
        browser.click("Équipe");
        browser.fill("Adresse e-mail de la personne", colleague);
        new Select(browser.field("Rôle")).selectByVisibleText("Délivreur de badges");
        browser.click("Envoyer l'invitation");
        assertThat(browser.text()).contains("L'invitation a été envoyée.");
        MimeMessage invitation = MailServer.awaitMail(colleague, 1, MAIL_WAIT);
        assertThat(invitation.getSubject()).isEqualTo("Invitation à rejoindre une équipe sur Insigne");
        String link = MailServer.link(invitation, "/console/invitations");
        browser.click("Se déconnecter");

        signUpAndLogIn(colleague, "Sacha Petit", 2);
        browser.visit(link);
        assertThat(browser.text()).contains("Badgeons la Normandie", "Délivreur de badges");
        browser.click("Accepter l'invitation");
        assertThat(browser.heading()).isEqualTo("Badgeons la Normandie");
        assertThat(browser.text()).contains("Vous avez rejoint l'équipe", "Délivreur de badges");
        assertThat(browser.text()).doesNotContain("Modifier le profil");

        browser.click("Équipe");
        assertThat(browser.text()).contains("Camille Martin", "Sacha Petit", "Propriétaire", "Délivreur de badges");
        browser.visit(link);
        assertThat(browser.text()).contains("Cette invitation a déjà été acceptée.");
    }

    private void signUpAndLogIn(String email, String name) {
        signUpAndLogIn(email, name, 1);
    }

    /** Signs up, opens the confirmation link (the {@code mailNumber}-th mail to that address) and logs in. */
    private void signUpAndLogIn(String email, String name, int mailNumber) {
        browser.visit("/signup");
        submitSignUp(email, name);
        assertThat(browser.heading()).as(browser.text()).isEqualTo("Confirmez votre adresse e-mail");
        browser.visit(MailServer.link(MailServer.awaitMail(email, mailNumber, MAIL_WAIT), "/account/confirm"));
        browser.logIn(email, PASSWORD);
        // neither staff nor earner yet: the account offers both ways
        assertThat(browser.heading()).isEqualTo("Où voulez-vous aller ?");
        browser.click("Console de l'émetteur");
        assertThat(browser.heading()).isEqualTo("Console de l'émetteur");
    }

    private void submitSignUp(String email, String name) {
        browser.fill("Adresse e-mail", email).fill("Nom affiché", name).fill("Mot de passe", PASSWORD);
        assertThat(browser.field("Adresse e-mail").getAttribute("value")).isEqualTo(email);
        browser.click("Créer mon compte");
    }

    private void createOrganisation(String name) {
        browser.click("Créer une organisation");
        browser.fill("Nom de l'organisation", name).click("Créer l'organisation");
        assertThat(browser.heading()).isEqualTo(name);
    }

    private static Path svg() throws IOException {
        Path file = Files.createTempFile("logo", ".svg");
        Files.writeString(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\">"
                + "<circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#0b4f9c\"/></svg>", StandardCharsets.UTF_8);
        return file;
    }

    private static Path png() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0b4f9c));
        g.fillOval(4, 4, 56, 56);
        g.dispose();
        Path file = Files.createTempFile("badge", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String uniqueEmail(String who) {
        return who + "." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
