package org.insigne.web.issuer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner publishes a badge, awards it, the earner's mail leads to the badge page, and the owner revokes it
 * with a reason that the page then shows; every page on the way passes the accessibility check.
 */
@Tag("browser")
@InsigneIntegrationTest
class AwardBrowserTests {

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
    void ownerAwardsABadgeThenRevokesIt() throws Exception {
        String owner = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.signUpAndConfirm(owner, "Camille Martin", PASSWORD, 1).logIn(owner, PASSWORD);
        browser.click("Console de l'émetteur").click("Créer une organisation");
        browser.fill("Nom de l'organisation", "Ligue de l'enseignement").click("Créer l'organisation");

        browser.click("Badges").click("Créer un badge");
        browser.fill("Nom du badge", "Animer une réunion")
                .fill("Description", "Savoir préparer et animer une réunion d'équipe.")
                .fill("Critères d'obtention", "Avoir animé trois réunions.");
        browser.field("Image du badge").sendKeys(png().toString());
        browser.click("Enregistrer le badge");
        browser.click("Publier");

        String earner = "sacha." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.fill("Adresse e-mail de la personne", earner).fill("Nom de la personne", "Sacha Petit")
                .fill("Description de la preuve", "A animé l'assemblée générale.");
        new Select(browser.field("Niveau atteint")).selectByVisibleText("Je transmets");
        browser.click("Décerner le badge");
        assertThat(browser.heading()).isEqualTo("Badges décernés : Animer une réunion");
        assertThat(browser.text()).contains("Le badge a été décerné", "Sacha Petit", "Je transmets", "Valide");

        MimeMessage mail = MailServer.awaitMail(earner, 1, MAIL_WAIT);
        assertThat(mail.getSubject()).isEqualTo("Ligue de l'enseignement vous a décerné le badge « Animer une réunion »");
        String link = MailServer.link(mail, "/ob2/assertions/");
        browser.visit(link);
        assertThat(browser.heading()).isEqualTo("Animer une réunion");
        assertThat(browser.text()).contains("Ligue de l'enseignement", "Je transmets").doesNotContain("révoqué");

        browser.driver().navigate().back();
        assertThat(browser.driver().findElements(By.tagName("textarea"))).as("no reason field on the list").isEmpty();
        revokeLink("Révoquer le badge de Sacha Petit").click();
        browser.assertAccessible();
        assertThat(browser.heading()).isEqualTo("Révoquer le badge « Animer une réunion » de Sacha Petit ?");
        assertThat(browser.text()).contains("La révocation est définitive");
        browser.shoot("revoke-1280-fr");
        browser.click("Annuler");
        assertThat(browser.text()).contains("Valide").doesNotContain("Révoqué :");

        revokeLink("Révoquer le badge de Sacha Petit").click();
        browser.click("Révoquer définitivement");
        assertThat(browser.driver().findElement(By.id("reason-error")).getText())
                .isEqualTo("Indiquez le motif de la révocation (500 caractères au plus).");
        assertThat(browser.field("Motif de la révocation (public)").getAttribute("aria-invalid")).isEqualTo("true");
        browser.fill("Motif de la révocation (public)", "   ").click("Révoquer définitivement");
        assertThat(browser.driver().findElement(By.id("reason-error")).isDisplayed()).isTrue();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.visit(browser.driver().getCurrentUrl() + "?lang=en");
        assertThat(browser.heading()).isEqualTo("Revoke the badge \"Animer une réunion\" of Sacha Petit?");
        browser.driver().findElement(By.xpath("//button[normalize-space(.)='Revoke for good']")).click();
        browser.assertAccessible();
        assertThat(browser.driver().findElement(By.id("reason-error")).getText())
                .isEqualTo("Give the reason for revoking (at most 500 characters).");
        browser.shoot("revoke-error-390-en");
        browser.visit(browser.driver().getCurrentUrl() + "?lang=fr");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        browser.fill("Motif de la révocation (public)", "Délivré par erreur").click("Révoquer définitivement");
        assertThat(browser.text()).contains("Le badge a été révoqué.", "Révoqué : Délivré par erreur");
        assertThat(browser.driver().findElements(By.xpath("//main//a[starts-with(normalize-space(.), 'Révoquer')]")))
                .isEmpty();
        browser.shoot("awards-1280-fr");

        browser.visit(link);
        assertThat(browser.text()).contains("Ce badge a été révoqué", "Motif : Délivré par erreur");
    }

    private WebElement revokeLink(String accessibleName) {
        return browser.driver().findElement(By.xpath("//main//a[normalize-space(.)='" + accessibleName + "']"));
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
}
