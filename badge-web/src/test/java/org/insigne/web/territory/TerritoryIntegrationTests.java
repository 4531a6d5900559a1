package org.insigne.web.territory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning-territory map through its pages: opt-in with consent and a coarse place, only public and verified
 * badges, the recruiters' filter, withdrawal, and the contact form that mails the earner without showing them.
 */
@InsigneIntegrationTest
class TerritoryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    TerritoryFixture fixture;
    AccountUser camille;
    String badge;
    /** A word no other test's badge holds, so that filters only see this test's earners. */
    String word;

    @BeforeEach
    void earnerWithAPublicBadge() throws Exception {
        fixture = new TerritoryFixture(mvc, jdbc);
        camille = fixture.earner("camille.martin", "Camille Martin", "fr", null);
        word = "w" + Long.toHexString(System.nanoTime());
        badge = fixture.publicBadge(camille, fixture.badge(camille, "Animation jeunesse " + word,
                "animation-" + word, "Animateur " + word, "Je transmets " + word));
    }

    @Test
    void optInKeepsOnlyACoarsePlaceAndShowsTheEarnerOnTheMap() throws Exception {
        mvc.perform(fixture.optIn(camille, "Camille", "Tours 37000", "47,394712", "0.688853", badge))
                .andExpect(redirectedUrl("/backpack/territory?saved"));

        Map<String, Object> row = jdbc.queryForMap(
                "select pseudonym, place_name, latitude, longitude from territory_entry where owner_id = ?", camille.id());
        assertThat(row).containsEntry("pseudonym", "Camille").containsEntry("place_name", "Tours 37000");
        assertThat((BigDecimal) row.get("latitude")).isEqualByComparingTo("47.39");
        assertThat((BigDecimal) row.get("longitude")).isEqualByComparingTo("0.69");

        String html = mvc.perform(get("/territoire").param("skill", word)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Camille", "Tours 37000", "Animation jeunesse " + word, "Je transmets " + word,
                "/territoire/contact/" + fixture.publicIdOf(camille));
        String json = mvc.perform(get("/territoire/results.json").param("skill", word)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"lat\":47.39", "\"lon\":0.69", "\"pseudonym\":\"Camille\"");
        for (String page : new String[] {html, json}) {
            assertThat(page).doesNotContain(camille.email()).doesNotContain("camille.martin")
                    .doesNotContain(camille.id().toString()).doesNotContain("Martin").doesNotContain(badge)
                    .doesNotContain("47.3947").doesNotContain("0.6888");
        }
    }

    @Test
    void filtersBySkillInTheNameTagsAndAlignmentsAndByLevel() throws Exception {
        mvc.perform(fixture.optIn(camille, "Camille", "Tours 37000", "", "", badge))
                .andExpect(status().is3xxRedirection());

        for (String skill : new String[] {"jeunesse " + word, "ANIMATION-" + word, "animateur " + word, "rncp35345"}) {
            mvc.perform(get("/territoire").param("skill", skill))
                    .andExpect(content().string(containsString("/territoire/contact/" + fixture.publicIdOf(camille))));
        }
        mvc.perform(get("/territoire").param("skill", word).param("level", "je transmets " + word))
                .andExpect(content().string(containsString("Camille")));
        mvc.perform(get("/territoire").param("skill", word).param("level", "Je pilote"))
                .andExpect(content().string(not(containsString("Camille"))))
                .andExpect(content().string(containsString("Personne ne correspond")));
        mvc.perform(get("/territoire").param("skill", word).param("area", "37000"))
                .andExpect(content().string(containsString("Camille")));
        mvc.perform(get("/territoire").param("skill", word).param("area", "Brest"))
                .andExpect(content().string(not(containsString("Camille"))));
        mvc.perform(get("/territoire").param("skill", "plomberie " + word))
                .andExpect(content().string(not(containsString("Camille"))));
        // % and _ are plain characters, not wildcards
        mvc.perform(get("/territoire").param("skill", "%" + word))
                .andExpect(content().string(not(containsString("Camille"))));
    }

    @Test
    void offersAndAcceptsOnlyPublicVerifiedBadgesOfTheEarner() throws Exception {
        String privateBadge = fixture.imported(camille, fixture.badge(camille, "Secourisme " + word, "secours",
                "PSC1", "Je fais"));
        AccountUser dominique = fixture.earner("dominique.durand", "Dominique Durand", "fr", null);
        String othersBadge = fixture.publicBadge(dominique, fixture.badge(dominique, "Cuisine " + word, "cuisine",
                "CAP", "Je fais"));

        mvc.perform(get("/backpack/territory").with(user(camille))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + badge + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + privateBadge + "\""))))
                .andExpect(content().string(containsString("Un autre badge de votre sac n&#39;est pas proposé")));
        mvc.perform(fixture.optIn(camille, "Camille", "Tours", "", "", badge, privateBadge))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("parmi vos badges publics et vérifiés")));
        mvc.perform(fixture.optIn(camille, "Camille", "Tours", "", "", othersBadge))
                .andExpect(status().isBadRequest());
        mvc.perform(fixture.optIn(camille, "Camille", "Tours", "", "", "not-a-uuid"))
                .andExpect(status().isBadRequest());
        assertThat(count(camille)).isZero();

        mvc.perform(fixture.optIn(camille, "Camille", "Tours", "", "", badge)).andExpect(status().is3xxRedirection());
        // made private afterwards: gone from the map at once, and no one can write through the entry
        String publicId = fixture.publicIdOf(camille);
        mvc.perform(post("/backpack/badges/" + badge + "/visibility").param("shared", "false").with(csrf())
                .with(user(camille))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/territoire").param("skill", word))
                .andExpect(content().string(not(containsString(publicId))));
        mvc.perform(get("/territoire/contact/" + publicId)).andExpect(status().isNotFound());
    }

    @Test
    void refusesWithClearMessagesAndSavesNothing() throws Exception {
        mvc.perform(fixture.withoutConsent(camille, "Camille", "Tours", "", "", badge))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("rien n&#39;est publié sans votre accord")))
                .andExpect(content().string(containsString("value=\"Camille\"")));
        mvc.perform(fixture.optIn(camille, camille.email(), "Tours", "", "", badge))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("sans adresse e-mail")));
        mvc.perform(fixture.optIn(camille, "Camille", "", "", "", badge))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Indiquez une commune et son code postal")));
        mvc.perform(fixture.optIn(camille, "Camille", "", "95", "2", badge)).andExpect(status().isBadRequest());
        mvc.perform(fixture.optIn(camille, "Camille", "", "47.3", "", badge)).andExpect(status().isBadRequest());
        mvc.perform(fixture.optIn(camille, "Camille", "", "quarante", "2", badge)).andExpect(status().isBadRequest());
        mvc.perform(fixture.withoutConsent(camille, "Camille", "Tours", "", "", badge).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("nothing is published without your agreement")));
        assertThat(count(camille)).isZero();
    }

    @Test
    void withdrawingDeletesTheEntryAtOnce() throws Exception {
        mvc.perform(fixture.optIn(camille, "Camille", "Tours 37000", "47.39", "0.69", badge))
                .andExpect(status().is3xxRedirection());
        String publicId = fixture.publicIdOf(camille);

        mvc.perform(post("/backpack/territory/withdraw").with(csrf()).with(user(camille)))
                .andExpect(redirectedUrl("/backpack/territory?withdrawn"));

        assertThat(count(camille)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from territory_badge where badge_id = ?::uuid", Long.class,
                badge)).isZero();
        mvc.perform(get("/territoire").param("skill", word)).andExpect(content().string(not(containsString(publicId))));
        mvc.perform(get("/territoire/contact/" + publicId)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("n&#39;est pas ou plus sur la carte")));
        mvc.perform(post("/backpack/territory/withdraw")).andExpect(status().isForbidden());
    }

    @Test
    void contactMailsTheEarnerWithTheRecruitersReplyToAndNeverShowsTheAddress() throws Exception {
        mvc.perform(fixture.optIn(camille, "Camille", "Tours 37000", "47.39", "0.69", badge))
                .andExpect(status().is3xxRedirection());
        String publicId = fixture.publicIdOf(camille);

        String form = mvc.perform(get("/territoire/contact/" + publicId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Écrire à Camille").doesNotContain(camille.email())
                .doesNotContain(camille.id().toString());
        mvc.perform(post("/territoire/contact/" + publicId).with(csrf()).with(from("192.0.2.10"))
                        .param("senderName", "Centre de loisirs des Deux Lions")
                        .param("replyTo", "recrutement@deux-lions.example")
                        .param("message", "Bonjour Camille,\nnous cherchons un animateur pour cet été."))
                .andExpect(redirectedUrl("/territoire/contact/sent"));
        mvc.perform(get("/territoire/contact/sent")).andExpect(content().string(containsString("Message envoyé")))
                .andExpect(content().string(not(containsString(camille.email()))));

        MimeMessage mail = MailServer.awaitMail(camille.email(), 1, Duration.ofSeconds(10));
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("recrutement@deux-lions.example");
        assertThat(mail.getSubject()).isEqualTo("Un message pour vous via la carte du territoire apprenant");
        assertThat(MailServer.body(mail).replace("=\r\n", "")).contains("Centre de loisirs des Deux Lions",
                "nous cherchons un animateur pour cet =C3=A9t=C3=A9", "/backpack/territory");
    }

    @Test
    void refusesABadContactFormWithClearMessagesAndSendsNothing() throws Exception {
        mvc.perform(fixture.optIn(camille, "Camille", "Tours 37000", "", "", badge))
                .andExpect(status().is3xxRedirection());
        String publicId = fixture.publicIdOf(camille);

        mvc.perform(post("/territoire/contact/" + publicId).with(csrf()).with(from("192.0.2.20"))
                        .param("senderName", "Centre\r\nBcc: victim@example.org")
                        .param("replyTo", "recrutement@deux-lions.example, autre@example.org")
                        .param("message", "Court"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le nom tient sur une seule ligne")))
                .andExpect(content().string(containsString("Saisissez une adresse e-mail valide")))
                .andExpect(content().string(containsString("Le message doit compter entre 10 et 2000 caractères")))
                .andExpect(content().string(containsString("Court")));
        mvc.perform(post("/territoire/contact/" + publicId).with(from("192.0.2.20"))
                        .param("senderName", "Centre").param("replyTo", "a@b.example")
                        .param("message", "Sans jeton CSRF, pas de message."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/territoire/contact/unknown-entry").with(csrf()).with(from("192.0.2.20"))
                        .param("senderName", "Centre").param("replyTo", "a@b.example")
                        .param("message", "Une entrée qui n'existe pas."))
                .andExpect(status().isNotFound());
        Thread.sleep(500);
        assertThat(MailServer.mailsTo(camille.email())).isEmpty();
    }

    @Test
    void limitsContactMessagesPerClientAddress() throws Exception {
        mvc.perform(fixture.optIn(camille, "Camille", "Tours 37000", "", "", badge))
                .andExpect(status().is3xxRedirection());
        String publicId = fixture.publicIdOf(camille);
        String client = "198.51.100." + (int) (System.nanoTime() % 200 + 1);

        for (int i = 0; i < 5; i++) {
            mvc.perform(contact(publicId, client)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(contact(publicId, client)).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("trop de messages")));
        mvc.perform(contact(publicId, "203.0.113.7")).andExpect(status().is3xxRedirection());
        MailServer.awaitMail(camille.email(), 6, Duration.ofSeconds(10));
        Thread.sleep(300);
        assertThat(MailServer.mailsTo(camille.email())).hasSize(6);
    }

    @Test
    void theExportHoldsTheEntryAndDeletingTheAccountErasesIt() throws Exception {
        AccountUser sam = fixture.earner("sam.taylor", "Sam Taylor", "en", passwords);
        String samsBadge = fixture.publicBadge(sam, fixture.badge(sam, "Youth work " + word, "youth", "BPJEPS",
                "I do"));
        mvc.perform(fixture.optIn(sam, "Sam", "Tours 37000", "47.39", "0.69", samsBadge))
                .andExpect(status().is3xxRedirection());

        byte[] zip = mvc.perform(get("/account/export").with(user(sam))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String account = accountJson(zip);
        assertThat(account.replace(" ", "")).contains("\"territoryMap\"", "\"pseudonym\":\"Sam\"", "\"latitude\":\"47.39\"",
                fixture.publicIdOf(sam));

        mvc.perform(post("/account/delete").param("password", TerritoryFixture.PASSWORD).with(csrf()).with(user(sam)))
                .andExpect(status().is3xxRedirection());
        assertThat(count(sam)).isZero();
    }

    private static String accountJson(byte[] zip) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("account.json")) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no account.json in the export");
    }

    @Test
    void servesLeafletFromTheWebjarAndAllowsNoTileServerByDefault() throws Exception {
        mvc.perform(get(TerritoryController.LEAFLET + "leaflet.js")).andExpect(status().isOk());
        mvc.perform(get("/js/territory-map.js")).andExpect(status().isOk());
        mvc.perform(get("/territoire"))
                .andExpect(header().string("Content-Security-Policy", containsString("img-src 'self' data:;")))
                .andExpect(content().string(containsString("Le fond de carte n&#39;est pas disponible")))
                .andExpect(content().string(not(containsString("leaflet.js"))));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder contact(String publicId,
                                                                                              String client) {
        return post("/territoire/contact/" + publicId).with(csrf()).with(from(client))
                .param("senderName", "Centre").param("replyTo", "rh@centre.example")
                .param("message", "Un message assez long pour passer.");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long count(AccountUser who) {
        return jdbc.queryForObject("select count(*) from territory_entry where owner_id = ?", Long.class, who.id());
    }
}
