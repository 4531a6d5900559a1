package org.insigne.web.backpack;

import java.util.UUID;

import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.backpack.BadgeUploads.bakedPng;
import static org.insigne.web.backpack.BadgeUploads.idOf;
import static org.insigne.web.backpack.BadgeUploads.imported;
import static org.insigne.web.backpack.BadgeUploads.makePublic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Collections: ordered, the owner's own badges only, public only when shared, and invisible to anyone else. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class BadgeCollectionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
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
    void keepsTheOwnersOrderAndShowsOnlyPublicBadgesPublicly() throws Exception {
        String first = imported(mvc, camille, bakedPng(site.assertion()));
        String second = imported(mvc, camille, bakedPng(secondAssertion()));

        String collection = create(camille, "Animation", first, second);
        mvc.perform(get(collection).with(user(camille))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Animation")));
        assertThat(order(collection)).containsExactly(idOf(first), idOf(second));

        mvc.perform(post(collection + "/move").param("badge", idOf(second)).param("step", "1")
                .with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection());
        assertThat(order(collection)).containsExactly(idOf(second), idOf(first));

        String publicId = jdbc.queryForObject("select public_id from badge_collection where id = ?", String.class,
                UUID.fromString(idOf(collection)));
        mvc.perform(get("/p/collections/" + publicId)).andExpect(status().isNotFound());

        mvc.perform(post(collection + "/visibility").param("shared", "true").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/p/collections/" + publicId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Animation")))
                .andExpect(content().string(containsString("Aucun badge public")))
                .andExpect(content().string(not(containsString("Formateur occasionnel"))));

        makePublic(mvc, camille, second);
        mvc.perform(get("/p/collections/" + publicId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Formateur occasionnel")))
                .andExpect(content().string(not(containsString("Animateur bénévole"))))
                .andExpect(content().string(not(containsString(email))))
                .andExpect(content().string(not(containsString("Camille"))));

        mvc.perform(post(collection + "/visibility").param("shared", "false").with(csrf()).with(user(camille)));
        mvc.perform(get("/p/collections/" + publicId)).andExpect(status().isNotFound());
    }

    @Test
    @HostileInput("A1")
    void answersNotFoundToAnotherEarnerGuessingACollection() throws Exception {
        String badge = imported(mvc, camille, bakedPng(site.assertion()));
        String collection = create(camille, "Animation", badge);

        mvc.perform(get(collection).with(user(dominique))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Animation"))));
        mvc.perform(post(collection).param("name", "Volée").with(csrf()).with(user(dominique)))
                .andExpect(status().isNotFound());
        mvc.perform(post(collection + "/visibility").param("shared", "true").with(csrf()).with(user(dominique)))
                .andExpect(status().isNotFound());
        mvc.perform(post(collection + "/move").param("badge", idOf(badge)).param("step", "1")
                .with(csrf()).with(user(dominique))).andExpect(status().isNotFound());
        mvc.perform(post(collection + "/delete").with(csrf()).with(user(dominique))).andExpect(status().isNotFound());
        mvc.perform(get("/backpack/collections/" + UUID.randomUUID()).with(user(camille)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/backpack/collections/nope").with(user(camille))).andExpect(status().isNotFound());
        mvc.perform(get("/backpack/collections").with(user(dominique)))
                .andExpect(content().string(not(containsString("Animation"))));

        // Nor can Dominique put Camille's badge in a collection of theirs.
        mvc.perform(post("/backpack/collections").param("name", "Emprunt").param("badges", idOf(badge))
                .with(csrf()).with(user(dominique))).andExpect(status().isNotFound());

        assertThat(jdbc.queryForObject("select name from badge_collection where id = ?", String.class,
                UUID.fromString(idOf(collection)))).isEqualTo("Animation");
        assertThat(jdbc.queryForObject("select shared from badge_collection where id = ?", Boolean.class,
                UUID.fromString(idOf(collection)))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from badge_collection where owner_id = ?", Long.class,
                dominique.id())).isZero();
    }

    @Test
    void refusesACollectionWithoutAName() throws Exception {
        mvc.perform(post("/backpack/collections").param("name", " ").with(csrf()).with(user(camille)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Donnez un nom à la collection")));
    }

    private String create(AccountUser who, String name, String... badgePages) throws Exception {
        var request = post("/backpack/collections").param("name", name).param("description", "Mes badges d'animation");
        for (String page : badgePages) {
            request.param("badges", idOf(page));
        }
        String location = mvc.perform(request.with(csrf()).with(user(who))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring(0, location.indexOf('?'));
    }

    private java.util.List<String> order(String collection) {
        return jdbc.queryForList("select badge_id::text from badge_collection_item where collection_id = ? "
                + "order by position", String.class, UUID.fromString(idOf(collection)));
    }

    private ObjectNode secondAssertion() {
        ObjectNode badgeClass = site.badgeClass();
        badgeClass.put("id", site.url("/badge2"));
        badgeClass.put("name", "Formateur occasionnel");
        site.publish("/badge2", badgeClass);
        ObjectNode assertion = site.assertion();
        assertion.put("id", site.url("/assertions/2"));
        assertion.put("badge", site.url("/badge2"));
        site.publish("/assertions/2", assertion);
        return assertion;
    }
}
