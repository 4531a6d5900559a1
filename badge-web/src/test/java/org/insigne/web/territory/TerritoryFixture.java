package org.insigne.web.territory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Ob3TestCredentials;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Earners with confirmed accounts and OB 3.0 badges (did:key issuer, verified with no network) carrying tags, an
 * alignment and a rubric level, imported and made public through the backpack's own forms.
 */
final class TerritoryFixture {

    static final String PASSWORD = "une phrase de passe solide";

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;
    private final Ob3TestCredentials credentials = new Ob3TestCredentials();

    TerritoryFixture(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** A confirmed account, as if signed up and confirmed, whose e-mail starts with {@code local}. */
    AccountUser earner(String local, String displayName, String language, @Nullable PasswordEncoder passwords) {
        UUID id = UUID.randomUUID();
        String email = local + "." + id.toString().substring(0, 8) + "@exemple-ecole.org";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into user_account (id, email, display_name, password_hash, email_confirmed_at, "
                        + "preferred_locale, created_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)",
                id, email, displayName, passwords == null ? "{noop}unused" : passwords.encode(PASSWORD), now, language,
                now);
        return new AccountUser(id, email, displayName, "", true, false);
    }

    /** A signed credential for {@code who}'s address, with a name, tags, an alignment and a level reached. */
    byte[] badge(AccountUser who, String name, String tag, String alignment, String level) throws Exception {
        ObjectNode c = credentials.credential(who.email(), null);
        c.put("name", name);
        ObjectNode subject = (ObjectNode) c.get("credentialSubject");
        ObjectNode achievement = (ObjectNode) subject.get("achievement");
        achievement.put("id", "https://ligue37.example/achievements/" + UUID.randomUUID());
        achievement.put("name", name);
        ObjectNode aligned = achievement.putArray("alignment").addObject();
        aligned.putArray("type").add("Alignment");
        aligned.put("targetName", alignment);
        aligned.put("targetUrl", "https://www.francecompetences.fr/recherche/rncp/35345/");
        aligned.put("targetCode", "RNCP35345");
        achievement.putArray("tag").add(tag);
        ObjectNode rubric = achievement.putArray("resultDescription").addObject();
        rubric.put("id", "urn:uuid:rd-1");
        rubric.putArray("type").add("ResultDescription");
        rubric.put("name", "Niveau");
        rubric.put("resultType", "RubricCriterionLevel");
        ArrayNode levels = rubric.putArray("rubricCriterionLevel");
        ObjectNode reached = levels.addObject();
        reached.put("id", "urn:uuid:level-1");
        reached.putArray("type").add("RubricCriterionLevel");
        reached.put("name", level);
        ObjectNode result = subject.putArray("result").addObject();
        result.putArray("type").add("Result");
        result.put("resultDescription", "urn:uuid:rd-1");
        result.put("achievedLevel", "urn:uuid:level-1");
        return credentials.bakedPng(c);
    }

    /** Imports the badge for {@code who} and returns its id in the backpack. */
    String imported(AccountUser who, byte[] png) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge.png", "image/png", png)).with(csrf()).with(user(who)))
                .andReturn();
        String location = mvc.perform(asyncDispatch(started)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String page = location.substring(0, location.indexOf('?'));
        return page.substring(page.lastIndexOf('/') + 1);
    }

    /** Imports the badge and makes it public; returns its id. */
    String publicBadge(AccountUser who, byte[] png) throws Exception {
        String id = imported(who, png);
        mvc.perform(post("/backpack/badges/" + id + "/visibility").param("shared", "true").with(csrf())
                .with(user(who))).andExpect(status().is3xxRedirection());
        return id;
    }

    /** The opt-in form, consent ticked, for one badge at a commune and coordinates. */
    MockHttpServletRequestBuilder optIn(AccountUser who, String pseudonym, String place, String lat, String lon,
                                        String... badgeIds) {
        return withoutConsent(who, pseudonym, place, lat, lon, badgeIds).param("consent", "true");
    }

    /** The same form with the consent box left unticked. */
    MockHttpServletRequestBuilder withoutConsent(AccountUser who, String pseudonym, String place, String lat,
                                                 String lon, String... badgeIds) {
        return post("/backpack/territory").param("pseudonym", pseudonym)
                .param("placeName", place).param("latitude", lat).param("longitude", lon).param("badges", badgeIds)
                .with(csrf()).with(user(who));
    }

    String publicIdOf(AccountUser who) {
        return jdbc.queryForObject("select public_id from territory_entry where owner_id = ?", String.class, who.id());
    }
}
