package org.insigne.web.backpack;

import java.util.UUID;

import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.backpack.BadgeUploads.bakedPng;
import static org.insigne.web.backpack.BadgeUploads.idOf;
import static org.insigne.web.backpack.BadgeUploads.imported;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Anonymous CVs: the badges and their verification, nothing that names the earner, and withdrawable. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class AnonymousCvIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final String local = "camille.martin." + UUID.randomUUID().toString().substring(0, 8);
    private final String email = local + "@exemple-ecole.org";
    private final AccountUser camille = new AccountUser(UUID.randomUUID(), email, "Camille Martin", "", true, false);
    private final AccountUser dominique = new AccountUser(UUID.randomUUID(),
            "dominique." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Dominique Durand", "", true,
            false);
    private final HostedBadgeServer site = HostedBadgeServer.start(email);

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void showsTheBadgesWithTheirVerificationAndNothingThatNamesTheEarner() throws Exception {
        String badge = imported(mvc, camille, bakedPng(site.assertion()));
        String publicId = createCv(badge);

        String html = mvc.perform(get("/p/cv/" + publicId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Animateur bénévole").contains("Vérifié par Insigne le")
                .contains("href=\"/verify\"")
                .contains("Vous ne pouvez pas en conclure qui est cette personne");
        assertThat(html).doesNotContain("Camille").doesNotContain("Martin").doesNotContain(email)
                .doesNotContain(local).doesNotContain("exemple-ecole").doesNotContain("Candidature secrète");

        mvc.perform(get("/p/cv/" + publicId).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("You cannot conclude who this person is")));
    }

    @Test
    void linksToTheBadgesOwnPageOnlyOnceItIsPublic() throws Exception {
        String badge = imported(mvc, camille, bakedPng(site.assertion()));
        String publicId = createCv(badge);
        String badgePublicId = jdbc.queryForObject("select public_id from backpack_badge where id = ?", String.class,
                UUID.fromString(idOf(badge)));

        mvc.perform(get("/p/cv/" + publicId))
                .andExpect(content().string(not(containsString(badgePublicId))))
                .andExpect(content().string(containsString("demandez au candidat son fichier de badge")));
        BadgeUploads.makePublic(mvc, camille, badge);
        mvc.perform(get("/p/cv/" + publicId))
                .andExpect(content().string(containsString("href=\"/p/badges/" + badgePublicId + "\"")));
    }

    @Test
    void answersGoneOnceWithdrawnAndLetsNoOneElseWithdrawIt() throws Exception {
        String badge = imported(mvc, camille, bakedPng(site.assertion()));
        String publicId = createCv(badge);
        UUID cvId = jdbc.queryForObject("select id from anonymous_cv where public_id = ?", UUID.class, publicId);

        mvc.perform(post("/backpack/cvs/" + cvId + "/revoke").with(csrf()).with(user(dominique)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/backpack/cvs").with(user(dominique)))
                .andExpect(content().string(not(containsString(publicId))));
        mvc.perform(get("/p/cv/" + publicId)).andExpect(status().isOk());

        mvc.perform(post("/backpack/cvs/" + cvId + "/revoke").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/p/cv/" + publicId)).andExpect(status().isGone())
                .andExpect(content().string(not(containsString("Animateur bénévole"))));
        mvc.perform(get("/p/cv/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void refusesSomeoneElsesBadgeAndAnEmptyCv() throws Exception {
        String badge = imported(mvc, camille, bakedPng(site.assertion()));

        mvc.perform(post("/backpack/cvs").param("label", "Emprunt").param("badges", idOf(badge))
                .with(csrf()).with(user(dominique))).andExpect(status().isNotFound());
        mvc.perform(post("/backpack/cvs").param("label", "Vide").with(csrf()).with(user(camille)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cochez au moins un badge")));
        assertThat(jdbc.queryForObject("select count(*) from anonymous_cv where owner_id in (?, ?)", Long.class,
                camille.id(), dominique.id())).isZero();
    }

    private String createCv(String badge) throws Exception {
        mvc.perform(post("/backpack/cvs").param("label", "Candidature secrète").param("badges", idOf(badge))
                .with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/backpack/cvs").with(user(camille))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Candidature secrète");
        return jdbc.queryForObject("select public_id from anonymous_cv where owner_id = ?", String.class, camille.id());
    }
}
