package org.insigne.web.backpack;

import static org.assertj.core.api.Assertions.assertThat;

import org.insigne.web.account.AccountService;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person declares a badge for themselves, sees it labelled as self-declared in their backpack, makes it
 * public and opens its public page, in French at 1280 px and in English at 390 px. The account is made through
 * the sign-up form by MockMvc: the browser part here is the declaring.
 */
@Tag("browser")
@InsigneIntegrationTest
class PersonBadgeBrowserTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;

    Browser person;

    @BeforeEach
    void open() {
        person = Browser.open(port);
    }

    @AfterEach
    void close() {
        person.close();
    }

    @Test
    void declaresABadgeSeesItLabelledAndSharesItsPublicPage() throws Exception {
        String email = Earners.address("camille");
        new Earners(mvc, jdbc, accounts).confirmed(email, "Camille Martin");
        person.visit("/login").logIn(email, Earners.PASSWORD);

        person.visit("/backpack").click("Mes badges délivrés").click("Déclarer un badge");
        person.click("Déclarer ce badge");
        assertThat(person.text()).contains("Le badge n'a pas été délivré", "Ce champ est obligatoire.");
        person.shoot("person-badge-form-errors-1280-fr");

        person.fill("Nom du badge", "Réparer des vélos")
                .fill("Ce que le badge reconnaît", "Savoir régler freins et dérailleurs.")
                .fill("Votre récit (facultatif)", "J'ai tenu l'atelier **tout l'été**.");
        person.driver().findElement(By.id("level1")).click();
        person.driver().findElement(By.id("colour-green")).click();
        person.click("Déclarer ce badge");
        assertThat(person.heading()).isEqualTo("Réparer des vélos");
        assertThat(person.text()).contains("Badge auto-déclaré : son titulaire l'a délivré lui-même");
        person.shoot("person-badge-backpack-1280-fr");

        person.click("Rendre public");
        String publicUrl = person.driver().findElement(By.id("share-url")).getAttribute("value");
        person.visit(publicUrl);
        assertThat(person.text()).contains("Réparer des vélos", "Badge auto-déclaré", "Camille Martin");
        person.shoot("person-badge-public-1280-fr");

        person.driver().manage().window().setSize(new Dimension(390, 900));
        person.visit(publicUrl + "?lang=en").assertFitsWidth();
        assertThat(person.text()).contains("Self-declared badge: its holder issued it to themselves");
        person.shoot("person-badge-public-390-en");
        person.visit("/backpack/person-badges/declare").assertFitsWidth();
        assertThat(person.heading()).isEqualTo("Declare a badge");
        person.shoot("person-badge-form-390-en");
        person.visit("/backpack/person-badges").assertFitsWidth();
        assertThat(person.text()).contains("Réparer des vélos", "Self-declared", "Revoke");
        person.shoot("person-badge-list-390-en");
    }
}
