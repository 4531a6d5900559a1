package org.insigne.web.backpack;

import java.util.List;
import java.util.UUID;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports that reach an issuer's site (on 127.0.0.1, allowed in this context), duplicates, someone else's
 * badge, and a second earner guessing the first one's badge addresses.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class BackpackIntegrationTests {

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
    void keepsABakedBadgeAndRefusesItTheSecondTime() throws Exception {
        byte[] png = bakedPng();
        String location = upload(camille, png).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/backpack/badges/[0-9a-f-]{36}\\?imported");

        mvc.perform(get(location).with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Animateur bénévole")))
                .andExpect(content().string(containsString("Vérifié")))
                .andExpect(content().string(containsString("Le badge a été ajouté à votre sac")));

        upload(camille, png)
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ce badge est déjà dans votre sac")));
        assertThat(count(camille)).isEqualTo(1);
    }

    @Test
    @HostileInput("B7")
    void keepsABakedBadgeWhateverItsFileNameSays() throws Exception {
        String location = perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "credly-demo-user (2).png", "application/octet-stream", bakedPng()))
                .with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).matches("/backpack/badges/[0-9a-f-]{36}\\?imported");
        mvc.perform(get(location).with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Animateur bénévole")));
        assertThat(count(camille)).isEqualTo(1);
    }

    @Test
    @HostileInput("A6")
    void keepsABadgeAwardedToSomeoneElseAsRecipientNotConfirmedAndNeverPublic() throws Exception {
        String location = upload(dominique, bakedPng()).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String page = location.substring(0, location.indexOf('?'));

        mvc.perform(get(location).with(user(dominique)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Destinataire non confirmé")))
                .andExpect(content().string(containsString("n&#39;est pas l&#39;une de vos adresses confirmées")))
                .andExpect(content().string(containsString("/account/emails")))
                .andExpect(content().string(not(containsString("<h2>Vérifié</h2>"))))
                .andExpect(content().string(not(containsString("Rendre public"))));
        mvc.perform(get(page).param("lang", "en").with(user(dominique)))
                .andExpect(content().string(containsString("Recipient not confirmed")))
                .andExpect(content().string(not(containsString("Make public"))));
        mvc.perform(get("/backpack").param("lang", "fr").with(user(dominique)))
                .andExpect(content().string(containsString("Destinataire non confirmé")))
                .andExpect(content().string(not(containsString("status-verified"))));

        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(dominique)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ce badge ne peut pas être rendu public")));
        assertThat(jdbc.queryForObject("select shared from backpack_badge where owner_id = ?", Boolean.class,
                dominique.id())).isFalse();
        assertThat(count(dominique)).isEqualTo(1);
    }

    @Test
    @HostileInput("A1")
    void answersNotFoundToAnotherEarnerGuessingBadgeAddresses() throws Exception {
        String page = imported(bakedPng());

        mvc.perform(get(page).with(user(dominique))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Animateur bénévole"))));
        mvc.perform(get(page + "/image").with(user(dominique))).andExpect(status().isNotFound());
        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(dominique)))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "/delete").with(csrf()).with(user(dominique))).andExpect(status().isNotFound());
        mvc.perform(post(page + "/recheck").with(csrf()).with(user(dominique))).andExpect(status().isNotFound());
        mvc.perform(get("/backpack/badges/" + UUID.randomUUID()).with(user(camille))).andExpect(status().isNotFound());
        mvc.perform(get("/backpack/badges/1").with(user(camille))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ce badge n&#39;existe pas")));
        mvc.perform(get("/backpack").with(user(dominique)))
                .andExpect(content().string(not(containsString("Animateur bénévole"))));

        assertThat(count(camille)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select shared from backpack_badge where owner_id = ?", Boolean.class,
                camille.id())).isFalse();
    }

    @Test
    void servesTheUploadedImageItselfAndShowsItPubliclyOnlyWhileShared() throws Exception {
        byte[] png = bakedPng();
        String page = imported(png);
        mvc.perform(get(page + "/image").with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(png));

        String publicId = jdbc.queryForObject("select public_id from backpack_badge where owner_id = ?",
                String.class, camille.id());
        mvc.perform(get("/p/badges/" + publicId)).andExpect(status().isNotFound());

        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/p/badges/" + publicId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Animateur bénévole")))
                .andExpect(content().string(containsString("Ligue de l&#39;enseignement d&#39;Indre-et-Loire")))
                .andExpect(content().string(not(containsString(email))))
                .andExpect(content().string(not(containsString("Camille"))))
                .andExpect(content().string(not(containsString(site.url("/")))));
        mvc.perform(get("/p/badges/" + publicId + "/image")).andExpect(status().isOk()).andExpect(content().bytes(png));

        mvc.perform(post(page + "/visibility").param("shared", "false").with(csrf()).with(user(camille)));
        mvc.perform(get("/p/badges/" + publicId)).andExpect(status().isNotFound());
        mvc.perform(get("/p/badges/" + publicId + "/image")).andExpect(status().isNotFound());
    }

    @Test
    @HostileInput("B6")
    void servesAnUploadedSvgSandboxed() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle r=\"5\"/></svg>";
        byte[] baked = new Baker(BakingLimits.defaults()).bake(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new BakedPayload(PayloadKind.OB2_ASSERTION, Ob2Json.mapper().writeValueAsString(site.assertion()),
                        null));
        String page = imported(baked);

        mvc.perform(get(page + "/image").with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/svg+xml"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    @HostileInput("S12")
    void checksAgainAndShowsARevokedBadgeAsNotValid() throws Exception {
        String page = imported(bakedPng());
        site.fail("/assertions/1", 410);

        perform(post(page + "/recheck").with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection());

        mvc.perform(get(page).with(user(camille)))
                .andExpect(content().string(containsString("Non valable")))
                .andExpect(content().string(containsString("check-failed")));
        assertThat(jdbc.queryForObject("select status from backpack_badge where owner_id = ?", String.class,
                camille.id())).isEqualTo("INVALID");
    }

    @Test
    void keepsABadgeWhoseIssuerDoesNotAnswerAsNotVerifiedWithTheReason() throws Exception {
        site.fail("/assertions/1", 503);

        String page = imported(bakedPng());

        mvc.perform(get(page).with(user(camille)))
                .andExpect(content().string(containsString("Non vérifié")))
                .andExpect(content().string(containsString("check-skipped")))
                .andExpect(content().string(containsString("503")))
                .andExpect(content().string(containsString("Vérifier à nouveau")));
        mvc.perform(get(page).param("lang", "en").with(user(camille)))
                .andExpect(content().string(containsString("Not verified")));
        assertThat(jdbc.queryForObject("select status from backpack_badge where owner_id = ?", String.class,
                camille.id())).isEqualTo("UNVERIFIED");
    }

    @Test
    void keepsAPastedAssertionUrlWithoutAnImage() throws Exception {
        String page = perform(multipart("/backpack/import").param("pasted", site.assertionUrl())
                .with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(page).with(user(camille)))
                .andExpect(content().string(containsString("Animateur bénévole")))
                .andExpect(content().string(not(containsString("<img"))));
        mvc.perform(get(page.substring(0, page.indexOf('?')) + "/image").with(user(camille)))
                .andExpect(status().isNotFound());
    }

    @Test
    void bakesTheAssertionABadgeImportedByUrlHasNowIntoItsImage() throws Exception {
        try (var in = getClass().getResourceAsStream("/badge.png")) {
            site.publishPng("/badge.png", in.readAllBytes());
        }
        String location = perform(multipart("/backpack/import").param("pasted", site.assertionUrl())
                .with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String page = location.substring(0, location.indexOf('?'));
        mvc.perform(get(page).with(user(camille)))
                .andExpect(content().string(containsString("/download/baked\"")));

        byte[] baked = perform(get(page + "/download/baked").with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        String inside = new Baker(BakingLimits.defaults()).unbake(baked).text();
        assertThat(Ob2Json.mapper().readTree(inside)).isEqualTo(site.assertion());

        // Once the issuer no longer serves it, there is nothing to bake: a clear refusal, not a 500.
        site.fail("/assertions/1", 404);
        MvcResult refused = mvc.perform(get(page + "/download/baked").with(user(camille))).andReturn();
        mvc.perform(asyncDispatch(refused)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("téléchargez le fichier d")));
    }

    @Test
    void deletesABadge() throws Exception {
        String page = imported(bakedPng());

        mvc.perform(post(page + "/delete").with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection());

        assertThat(count(camille)).isZero();
    }

    @Test
    void verifiesTheBadgeItsShareLinkShowsAndAdvertisesItToOtherTools() throws Exception {
        String page = imported(bakedPng());
        String publicId = jdbc.queryForObject("select public_id from backpack_badge where owner_id = ?",
                String.class, camille.id());
        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        String shareLink = "http://localhost/p/badges/" + publicId;

        mvc.perform(get("/p/badges/" + publicId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<link rel=\"alternate\" type=\"application/ld+json\" href=\""
                        + shareLink + "/badge\">")));
        mvc.perform(get("/p/badges/" + publicId + "/badge")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/ld+json")))
                .andExpect(content().string(containsString(site.url("/assertions/1"))));

        perform(post("/api/v1/verifications").contentType("application/json")
                .content("{\"url\": \"" + shareLink + "\"}"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.verdict")
                        .value("valid"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.badge.name")
                        .value("Animateur bénévole"));
        for (String language : List.of("fr", "en")) {
            perform(post("/verify").with(csrf()).param("pasted", shareLink)
                    .cookie(new jakarta.servlet.http.Cookie("insigne-lang", language)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("verdict-authentic")))
                    .andExpect(content().string(containsString(language.equals("fr") ? "Authentique" : "Genuine")))
                    .andExpect(content().string(not(containsString("réseau privé"))));
        }

        mvc.perform(post(page + "/visibility").param("shared", "false").with(csrf()).with(user(camille)));
        mvc.perform(get("/p/badges/" + publicId + "/badge")).andExpect(status().isNotFound());
        perform(post("/api/v1/verifications").contentType("application/json")
                .content("{\"url\": \"" + shareLink + "\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.verdict")
                        .value(not("valid")));
    }

    @Test
    void showsTheTagsAndAlignmentsOfAnOb2BadgeOnItsPagesAndOffersItsFormsAsFiles() throws Exception {
        var badgeClass = site.badgeClass();
        badgeClass.putArray("tags").add("animation").add("<b>jeunesse</b>");
        var alignment = badgeClass.putArray("alignment");
        alignment.addObject().put("targetName", "animer des activités").put("targetUrl",
                "http://data.europa.eu/esco/skill/animer").put("targetFramework", "ESCO").put("targetCode", "S1.6");
        site.publish("/badge", badgeClass);
        String page = imported(bakedPng());
        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        String publicId = jdbc.queryForObject("select public_id from backpack_badge where owner_id = ?",
                String.class, camille.id());

        for (var request : List.of(get(page).with(user(camille)), get("/p/badges/" + publicId))) {
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).contains("Compétences visées", "<a href=\"http://data.europa.eu/esco/skill/animer\" "
                            + "rel=\"nofollow noopener\">animer des activités</a>", "(ESCO, code S1.6)",
                    "<li>animation</li>", "<li>&lt;b&gt;jeunesse&lt;/b&gt;</li>");
        }
        String publicPage = mvc.perform(get("/p/badges/" + publicId)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(publicPage).contains("value=\"http://localhost/p/badges/" + publicId + "\"",
                "download=\"animateur-benevole-ob2.json\"", "download=\"animateur-benevole.png\"");
        byte[] document = mvc.perform(get("/p/badges/" + publicId + "/download/document")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"animateur-benevole-ob2.json\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Ob2Json.mapper().readTree(document)).isEqualTo(site.assertion());
        assertThat(mvc.perform(get("/p/badges/" + publicId + "/download/image")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"animateur-benevole.png\""))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(bakedPng());
        mvc.perform(get("/p/badges/" + publicId + "/download/other")).andExpect(status().isNotFound());
        // the owner's page offers the assertion inside the image as a file of its own
        mvc.perform(get(page + "/download/assertion.json").with(user(camille))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("animateur-benevole-ob2.json")));

        mvc.perform(post(page + "/visibility").param("shared", "false").with(csrf()).with(user(camille)));
        mvc.perform(get("/p/badges/" + publicId + "/download/document")).andExpect(status().isNotFound());
    }

    private byte[] bakedPng() throws Exception {
        byte[] png;
        try (var in = getClass().getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        return new Baker(BakingLimits.defaults()).bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION,
                Ob2Json.mapper().writeValueAsString(site.assertion()), null));
    }

    /** Imports for Camille and returns the badge's page address. */
    private String imported(byte[] bytes) throws Exception {
        String location = upload(camille, bytes).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring(0, location.indexOf('?'));
    }

    private ResultActions upload(AccountUser who, byte[] bytes) throws Exception {
        return perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge.png", "image/png", bytes)).with(csrf()).with(user(who)));
    }

    private ResultActions perform(RequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private long count(AccountUser who) {
        return jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class, who.id());
    }
}
