package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.Evidence;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A visitor signed out writes an application, signs up, confirms the address and signs in, all in one browser
 * session carried by its real cookie: the form comes back filled in, with the files kept, and sends.
 */
@InsigneIntegrationTest
class ApplicationDraftIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ApplicationService applications;

    ConsoleFixture fixture;
    BadgeClassId badgeClass;

    @BeforeEach
    void openABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        AccountUser owner = fixture.account("Owner");
        OrganisationId organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        badgeClass = fixture.published(organisation, owner);
        new ApplicationFixture(fixture, applications).openWithQuestions(organisation, badgeClass, owner);
    }

    @Test
    void keepsWhatAVisitorWroteThroughSignUpAndLoginThenSendsIt() throws Exception {
        mvc.perform(get("/apply/{id}", badgeClass.value()))
                .andExpect(content().string(containsString("Écrire ma demande d&#39;abord")))
                .andExpect(content().string(containsString("/apply/" + badgeClass.value() + "/draft")));
        mvc.perform(get("/apply/{id}/draft", badgeClass.value()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Garder ma demande et continuer")))
                .andExpect(content().string(not(containsString("name=\"consent\""))));

        MvcResult kept = mvc.perform(multipart("/apply/{id}/draft", badgeClass.value())
                        .file(new MockMultipartFile("file0", "compte-rendu.pdf", "application/pdf", ApplicationFixture.PDF))
                        .param("file0Public", "on")
                        .file(new MockMultipartFile("answer6File", "attestation.pdf", "application/pdf",
                                ApplicationFixture.PDF))
                        .param("narrative", "J'ai animé trois réunions de quartier.")
                        .param("level", "Je transmets")
                        .param("answer0", "Centre social").param("answer1", "Plus de 10")
                        .param("link0", "https://example.org/reunions").param("link0Public", "on")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Votre demande est gardée")))
                .andReturn();
        Cookie session = kept.getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from application_draft_file", Integer.class)).isEqualTo(2);

        String email = "visiteur." + System.nanoTime() + "@example.org";
        mvc.perform(post("/signup").cookie(session).with(csrf()).param("email", email)
                .param("displayName", "Visiteur").param("password", ConsoleFixture.PASSWORD))
                .andExpect(status().isFound());
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        MvcResult login = mvc.perform(post("/login").cookie(session).with(csrf()).param("username", email)
                        .param("password", ConsoleFixture.PASSWORD))
                .andExpect(status().isFound()).andReturn();
        String next = login.getResponse().getRedirectedUrl();
        assertThat(next).endsWith("/backpack/applications/new/" + badgeClass.value() + "?continue");
        Cookie signedIn = login.getResponse().getCookie("JSESSIONID");
        Cookie current = signedIn != null ? signedIn : session;

        mvc.perform(get(next).cookie(current))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Voici la demande que vous aviez écrite.")))
                .andExpect(content().string(containsString("J&#39;ai animé trois réunions de quartier.")))
                .andExpect(content().string(containsString("https://example.org/reunions")))
                .andExpect(content().string(containsString("value=\"Centre social\"")))
                .andExpect(content().string(containsString("compte-rendu.pdf")))
                .andExpect(content().string(containsString("attestation.pdf")));

        mvc.perform(multipart("/backpack/applications/new/{id}", badgeClass.value()).cookie(current).with(csrf())
                        .param("narrative", "J'ai animé trois réunions de quartier.").param("level", "Je transmets")
                        .param("answer0", "Centre social").param("answer1", "Plus de 10")
                        .param("link0", "https://example.org/reunions").param("link0Public", "on")
                        .param("consent", "on"))
                .andExpect(status().isFound());
        AccountUser visitor = accounts.loadUserByUsername(email).withoutPassword();
        List<ApplicationView> mine = applications.mine(visitor.id());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).level()).isEqualTo("Je transmets");
        assertThat(mine.get(0).evidence()).extracting(e -> e.isFile() ? e.fileName() : e.url())
                .containsExactly("https://example.org/reunions", "compte-rendu.pdf");
        assertThat(mine.get(0).evidence()).allMatch(Evidence::isPublic);
        assertThat(mine.get(0).answers().get(6).content()).isEqualTo("attestation.pdf");
        byte[] stored = jdbc.queryForObject("select content from application_file where id = ?", byte[].class,
                mine.get(0).evidence().get(1).id());
        assertThat(new String(stored, StandardCharsets.US_ASCII)).startsWith("%PDF-");
        assertThat(jdbc.queryForObject("select count(*) from application_draft where owner_id = ?", Integer.class,
                visitor.id())).isZero();
    }

    @Test
    void refusesABadDraftWithTheFormAgainAndKeepsNothing() throws Exception {
        int before = jdbc.queryForObject("select count(*) from application_draft", Integer.class);
        mvc.perform(multipart("/apply/{id}/draft", badgeClass.value())
                        .file(new MockMultipartFile("file0", "lettre.pdf", "application/pdf",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .param("narrative", "Trois réunions.").param("level", "Je transmets")
                        .param("answer0", "Centre social").param("answer1", "Plus de 10")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("n&#39;est ni un PDF")))
                .andExpect(content().string(containsString("Trois réunions.")));
        mvc.perform(multipart("/apply/{id}/draft", badgeClass.value()).param("narrative", "").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ce récit est obligatoire")));
        assertThat(jdbc.queryForObject("select count(*) from application_draft", Integer.class)).isEqualTo(before);
    }
}
