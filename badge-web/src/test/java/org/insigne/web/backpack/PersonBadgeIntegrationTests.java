package org.insigne.web.backpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Badges persons issue in their own name, through the backpack's pages: declared for oneself (into one's own
 * backpack at once), or awarded to another person who claims or declines it; labelled wherever shown, verified
 * as any OB 3.0 credential, and revoked by their issuer.
 */
@InsigneIntegrationTest
class PersonBadgeIntegrationTests {

    static final String SELF_LABEL = "Badge auto-déclaré";
    static final String PEER_LABEL = "Badge de pair à pair";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;

    Earners earners;
    AccountUser camille;

    @BeforeEach
    void setUp() throws Exception {
        earners = new Earners(mvc, jdbc, accounts);
        camille = earners.confirmed(Earners.address("camille"), "Camille Martin");
    }

    @Test
    void declaredBadgeLandsInTheBackpackLabelledVerifiesEverywhereAndIsRevoked() throws Exception {
        String page = async(badge(post("/backpack/person-badges/declare"), "Réparer des vélos")
                .param("narrative", "J'ai tenu l'atelier **tout l'été**.")
                .param("evidence", "https://example.org/atelier"), camille)
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page).matches("/backpack/badges/[0-9a-f-]{36}\\?declared");
        page = page.substring(0, page.indexOf('?'));

        mvc.perform(get(page).with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Réparer des vélos")))
                .andExpect(content().string(containsString(SELF_LABEL)))
                .andExpect(content().string(containsString("Camille Martin")));
        mvc.perform(get("/backpack").with(user(camille)))
                .andExpect(content().string(containsString(SELF_LABEL)));
        assertThat(jdbc.queryForObject("select status from backpack_badge where owner_id = ?", String.class,
                camille.id())).isEqualTo("VERIFIED");

        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        String publicId = jdbc.queryForObject("select public_id from backpack_badge where owner_id = ?", String.class,
                camille.id());
        mvc.perform(get("/p/badges/" + publicId).header("Accept-Language", "en").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Self-declared badge")));

        String credential = credentialOf(camille.id());
        verifyApi(credential).andExpect(jsonPath("$.verdict").value("valid"));
        async(post("/verify").param("pasted", credential).with(csrf()), null)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SELF_LABEL)));

        UUID id = jdbc.queryForObject("select id from person_badge where issuer_user_id = ?", UUID.class,
                camille.id());
        mvc.perform(get("/backpack/person-badges").with(user(camille)))
                .andExpect(content().string(containsString("Réparer des vélos")))
                .andExpect(content().string(containsString("Auto-déclaré")));
        mvc.perform(post("/backpack/person-badges/" + id + "/revoke").with(csrf())
                        .with(user(earners.confirmed(Earners.address("mallory"), "Mallory")))).andExpect(status().isNotFound());
        mvc.perform(post("/backpack/person-badges/" + id + "/revoke").with(csrf()).with(user(camille)))
                .andExpect(status().is3xxRedirection());
        verifyApi(credential).andExpect(jsonPath("$.verdict").value("invalid"));
    }

    @Test
    void refusesBadFieldsKeepingWhatWasTypedAndIssuesNothing() throws Exception {
        String script = "<script>alert('x')</script>";
        String html = async(post("/backpack/person-badges/declare").with(csrf())
                        .param("name", script).param("description", "x".repeat(1_000_000))
                        .param("narrative", "Mon récit gardé").param("level", "Je dors")
                        .param("evidence", "javascript:alert(1)"), camille)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Trop long : 2")))
                .andExpect(content().string(containsString("Choisissez un des trois niveaux.")))
                .andExpect(content().string(containsString("commence par http:// ou https://")))
                .andExpect(content().string(containsString("Mon récit gardé")))
                .andExpect(content().string(not(containsString(script))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("&lt;script&gt;");
        async(post("/backpack/person-badges/declare").param("lang", "en").with(csrf()).param("name", "")
                .param("description", "Ok").param("level", "Je fais"), camille)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This field is required.")));
        assertThat(jdbc.queryForObject("select count(*) from person_badge where issuer_user_id = ?", Long.class,
                camille.id())).isZero();
        assertThat(earners.badgesOf(camille.id())).isZero();
    }

    @Test
    void peerBadgeIsMailedClaimedOrDeclinedAndNeverAwardedToOneselfOrTwice() throws Exception {
        String address = Earners.address("dominique");
        mvc.perform(badge(post("/backpack/person-badges/award"), "Accueillir au local").param("recipient", address)
                        .with(user(camille)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(badge(post("/backpack/person-badges/award"), "accueillir au LOCAL").param("recipient", address)
                        .with(user(camille)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Vous avez déjà décerné ce badge à cette personne.")))
                .andExpect(content().string(containsString(address)));
        mvc.perform(badge(post("/backpack/person-badges/award"), "Autre").param("recipient", camille.email())
                        .with(user(camille)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("C&#39;est une de vos adresses")));
        mvc.perform(badge(post("/backpack/person-badges/award"), "Autre").param("recipient", "pas-une-adresse")
                        .with(user(camille)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce n&#39;est pas une adresse e-mail valable.")));

        MimeMessage mail = MailServer.awaitMail(address, 1, Duration.ofSeconds(20));
        assertThat(mail.getSubject()).contains("Camille Martin", "Accueillir au local");
        String link = MailServer.link(mail, "/backpack/peer-badges/");
        String path = link.substring(link.indexOf("/backpack/peer-badges/"));

        mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        AccountUser dominique = earners.confirmed(address, "Dominique Petit");
        mvc.perform(get(path).with(user(camille))).andExpect(status().isNotFound());
        mvc.perform(get(path).with(user(dominique)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Camille Martin vous décerne le badge « Accueillir au local »")));
        String kept = async(post(path + "/claim").with(csrf()), dominique)
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(kept).with(user(dominique)))
                .andExpect(content().string(containsString(PEER_LABEL)));
        assertThat(jdbc.queryForObject("select state from person_badge where recipient_email = ?", String.class,
                address)).isEqualTo("CLAIMED");

        mvc.perform(badge(post("/backpack/person-badges/award"), "Tenir la caisse").param("recipient", address)
                .with(user(camille))).andExpect(status().is3xxRedirection());
        UUID second = jdbc.queryForObject("select id from person_badge where recipient_email = ? and name = ?",
                UUID.class, address, "Tenir la caisse");
        mvc.perform(post("/backpack/peer-badges/" + second + "/decline").with(csrf()).with(user(dominique)))
                .andExpect(status().is3xxRedirection());
        async(post("/backpack/peer-badges/" + second + "/claim").with(csrf()), dominique)
                .andExpect(status().isGone());
        assertThat(earners.badgesOf(dominique.id())).isEqualTo(1);
        verifyApi(new String(jdbc.queryForObject("select credential from person_badge where id = ?", byte[].class,
                second), StandardCharsets.UTF_8)).andExpect(jsonPath("$.verdict").value("invalid"));
    }

    private static MockHttpServletRequestBuilder badge(MockHttpServletRequestBuilder request, String name) {
        return request.with(csrf()).param("name", name).param("description", "Savoir le faire avec d'autres.")
                .param("level", "Je transmets").param("shape", "hexagon").param("colour", "green");
    }

    private String credentialOf(UUID issuer) {
        return new String(jdbc.queryForObject("select credential from person_badge where issuer_user_id = ?",
                byte[].class, issuer), StandardCharsets.UTF_8);
    }

    private ResultActions verifyApi(String credential) throws Exception {
        return async(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"credential\": " + credential + "}"), null);
    }

    /** Performs a request answered off the request thread, then its dispatch. */
    private ResultActions async(MockHttpServletRequestBuilder request, @Nullable AccountUser who) throws Exception {
        MvcResult started = mvc.perform(who == null ? request : request.with(user(who))).andReturn();
        return mvc.perform(asyncDispatch(started));
    }
}
