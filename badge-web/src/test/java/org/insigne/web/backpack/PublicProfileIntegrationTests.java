package org.insigne.web.backpack;

import java.util.UUID;

import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public profile: off by default, the chosen name, public things only, gone once withdrawn. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class PublicProfileIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.insigne.backpack.collection.BadgeCollectionService collections;

    @Test
    void listsOnlyPublicBadgesAndCollectionsUnderTheChosenNameUntilWithdrawn() throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountUser camille = new AccountUser(UUID.randomUUID(), email, "Camille Martin", "", true, false);
        try (HostedBadgeServer site = HostedBadgeServer.start(email)) {
            String shown = BadgeUploads.imported(mvc, camille, BadgeUploads.bakedPng(site.assertion()));
            var other = site.assertion();
            other.put("id", site.url("/assertions/2"));
            site.publish("/assertions/2", other);
            String hidden = BadgeUploads.imported(mvc, camille, BadgeUploads.bakedPng(other));
            BadgeUploads.makePublic(mvc, camille, shown);
            var both = java.util.List.of(new org.insigne.backpack.badge.BadgeId(UUID.fromString(BadgeUploads.idOf(shown))),
                    new org.insigne.backpack.badge.BadgeId(UUID.fromString(BadgeUploads.idOf(hidden))));
            collections.makePublic(camille.id(), collections.create(camille.id(), "Engagement associatif", null, both).id());
            collections.create(camille.id(), "Collection privée", null, both);
            jdbc.update("update backpack_badge set badge_name = 'Badge caché' where id = ?",
                    UUID.fromString(BadgeUploads.idOf(hidden)));

            mvc.perform(get("/backpack/profile").with(user(camille)))
                    .andExpect(content().string(containsString("Votre profil public est désactivé")));
            assertThat(count(camille)).isZero();

            mvc.perform(post("/backpack/profile").param("displayName", email).with(csrf()).with(user(camille)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("sans adresse e-mail")));
            mvc.perform(post("/backpack/profile").param("displayName", "Camille M.").with(csrf()).with(user(camille)))
                    .andExpect(status().is3xxRedirection());
            String publicId = jdbc.queryForObject("select public_id from public_profile where owner_id = ?",
                    String.class, camille.id());
            assertThat(publicId).hasSizeGreaterThanOrEqualTo(43);

            mvc.perform(get("/p/profiles/" + publicId))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Camille M.")))
                    .andExpect(content().string(containsString("Animateur bénévole")))
                    .andExpect(content().string(containsString("property=\"og:title\"")))
                    .andExpect(content().string(containsString("og:image")))
                    .andExpect(content().string(containsString("Engagement associatif")))
                    .andExpect(content().string(containsString("un badge")))
                    .andExpect(content().string(not(containsString("Collection privée"))))
                    .andExpect(content().string(not(containsString("Badge caché"))))
                    .andExpect(content().string(not(containsString(email))))
                    .andExpect(content().string(not(containsString("Camille Martin"))));

            mvc.perform(post("/backpack/profile/withdraw").with(csrf()).with(user(camille)))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/p/profiles/" + publicId)).andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("Animateur bénévole"))));
            mvc.perform(get("/p/profiles/" + UUID.randomUUID())).andExpect(status().isNotFound());
        }
    }

    private long count(AccountUser who) {
        return jdbc.queryForObject("select count(*) from public_profile where owner_id = ?", Long.class, who.id());
    }
}
