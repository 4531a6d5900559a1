package org.insigne.web.privacy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Data rights: the export holds the badge as received, and deleting the account erases everything. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class DataRightsIntegrationTests {

    private static final String PASSWORD = "une phrase de passe solide";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    private final String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private final HostedBadgeServer site = HostedBadgeServer.start(email);
    private AccountUser camille;

    @BeforeEach
    void signUp() {
        // Sign-up mails a link built from the current request.
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        UUID id;
        try {
            id = accounts.signUp(email, "Camille Martin", PASSWORD, Locale.FRENCH);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        jdbc.update("update user_account set email_confirmed_at = now() where id = ?", id);
        camille = new AccountUser(id, email, "Camille Martin", "", true, false);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void exportsTheAccountAndTheBadgeAsReceived() throws Exception {
        byte[] png = bakedPng();
        String badgeId = imported(png);
        mvc.perform(post("/backpack/collections").param("name", "Animation").param("badges", badgeId)
                .with(csrf()).with(user(camille))).andExpect(status().is3xxRedirection());

        byte[] zip = mvc.perform(get("/account/export").with(user(camille))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);

        assertThat(entries).containsKeys("account.json", "badges/" + badgeId + ".json", "badges/" + badgeId + ".png");
        assertThat(entries.get("badges/" + badgeId + ".png")).isEqualTo(png);
        String account = new String(entries.get("account.json"), StandardCharsets.UTF_8);
        assertThat(account).contains(email).contains("Camille Martin").contains("Animation").contains(badgeId);
        assertThat(new String(entries.get("badges/" + badgeId + ".json"), StandardCharsets.UTF_8))
                .contains("Animateur bénévole").contains("VERIFIED");

        mvc.perform(get("/account/export")).andExpect(status().is3xxRedirection());
    }

    @Test
    void deletesTheAccountAndEverythingItHeldOnceThePasswordIsConfirmed() throws Exception {
        String badgeId = imported(bakedPng());
        mvc.perform(post("/backpack/badges/" + badgeId + "/visibility").param("shared", "true")
                .with(csrf()).with(user(camille)));
        mvc.perform(post("/backpack/collections").param("name", "Animation").param("badges", badgeId)
                .with(csrf()).with(user(camille)));
        mvc.perform(post("/backpack/cvs").param("label", "Candidature").param("badges", badgeId)
                .with(csrf()).with(user(camille)));
        UUID collection = jdbc.queryForObject("select id from badge_collection where owner_id = ?", UUID.class,
                camille.id());
        mvc.perform(post("/backpack/collections/" + collection + "/visibility").param("shared", "true")
                .with(csrf()).with(user(camille)));
        String badgePage = "/p/badges/" + publicId("backpack_badge");
        String collectionPage = "/p/collections/" + publicId("badge_collection");
        String cvPage = "/p/cv/" + publicId("anonymous_cv");
        for (String page : new String[] {badgePage, collectionPage, cvPage}) {
            mvc.perform(get(page)).andExpect(status().isOk());
        }

        mvc.perform(post("/account/delete").param("password", "pas le bon mot de passe")
                .with(csrf()).with(user(camille))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("rien n&#39;a été supprimé")));
        assertThat(rows("backpack_badge")).isEqualTo(1);

        mvc.perform(post("/account/delete").param("password", PASSWORD).with(csrf()).with(user(camille)))
                .andExpect(redirectedUrl("/"));

        assertThat(jdbc.queryForObject("select count(*) from user_account where id = ?", Long.class, camille.id()))
                .isZero();
        assertThat(rows("backpack_badge")).isZero();
        assertThat(rows("badge_collection")).isZero();
        assertThat(rows("anonymous_cv")).isZero();
        for (String page : new String[] {badgePage, collectionPage, cvPage}) {
            mvc.perform(get(page)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error=credentials"));
    }

    @Test
    void stopsTakingPasswordsAfterTooManyWrongOnes() throws Exception {
        imported(bakedPng());
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/account/delete").param("password", "essai " + i).with(csrf()).with(user(camille)))
                    .andExpect(status().isBadRequest());
        }

        mvc.perform(post("/account/delete").param("password", PASSWORD).with(csrf()).with(user(camille)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Trop de mots de passe erronés")));
        assertThat(rows("backpack_badge")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from user_account where id = ?", Long.class, camille.id()))
                .isEqualTo(1);
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where owner_id = ?", Long.class, camille.id());
    }

    private String publicId(String table) {
        return jdbc.queryForObject("select public_id from " + table + " where owner_id = ?", String.class,
                camille.id());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private byte[] bakedPng() throws Exception {
        byte[] png;
        try (var in = getClass().getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        return new Baker(BakingLimits.defaults()).bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION,
                Ob2Json.mapper().writeValueAsString(site.assertion()), null));
    }

    private String imported(byte[] bytes) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge.png", "image/png", bytes)).with(csrf()).with(user(camille)))
                .andReturn();
        String location = mvc.perform(asyncDispatch(started)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring("/backpack/badges/".length(), location.indexOf('?'));
    }
}
