package org.insigne.web.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.testing.HostileInput;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@InsigneIntegrationTest
class AccountIntegrationTests {

    private static final String PASSWORD = "une phrase de passe solide";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void confirmsTheAddressThroughTheMailedLinkThenLogsIn() throws Exception {
        String email = uniqueEmail();
        signUp(email, PASSWORD).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/signup/sent"));

        login(email, PASSWORD).andExpect(redirectedUrl("/login?error=unconfirmed"));

        MimeMessage mail = MailServer.awaitMail(email, 1, MAIL_WAIT);
        assertThat(mail.getSubject()).isEqualTo("Confirmez votre adresse e-mail sur Insigne");
        mvc.perform(get(pathOf(MailServer.link(mail, "/account/confirm"))))
                .andExpect(redirectedUrl("/login"));

        login(email, PASSWORD).andExpect(redirectedUrl("/start"));
        login(email, "pas le bon mot de passe").andExpect(redirectedUrl("/login?error=credentials"));
    }

    @Test
    void refusesAnAddressThatAlreadyHasAnAccount() throws Exception {
        String email = uniqueEmail();
        signUp(email, PASSWORD).andExpect(status().is3xxRedirection());

        signUp(email.toUpperCase(), PASSWORD)
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Un compte existe déjà avec cette adresse e-mail")));
    }

    @Test
    void explainsAMalformedAddressAndAShortPasswordInFrench() throws Exception {
        mvc.perform(post("/signup").with(csrf())
                        .param("email", "pas-une-adresse").param("displayName", "Camille").param("password", "court"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Saisissez une adresse e-mail valide")))
                .andExpect(content().string(containsString("Le mot de passe doit compter au moins 12 caractères")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }

    @Test
    void explainsBadInputInEnglishWhenAsked() throws Exception {
        mvc.perform(post("/signup").with(csrf()).param("lang", "en")
                        .param("email", "not-an-address").param("displayName", "").param("password", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Enter a valid e-mail address")))
                .andExpect(content().string(containsString("This field is required.")));
    }

    @Test
    void refusesAWrongConfirmationLink() throws Exception {
        mvc.perform(get("/account/confirm").param("token", "inconnu"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce lien n&#39;est pas valide")));
    }

    @Test
    void refusesAnExpiredConfirmationLink() throws Exception {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        String link = MailServer.link(MailServer.awaitMail(email, 1, MAIL_WAIT), "/account/confirm");
        jdbc.update("update account_token set expires_at = now() - interval '1 minute' where user_id = "
                + "(select id from user_account where email = ?)", email);

        mvc.perform(get(pathOf(link)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien a expiré")));
    }

    @Test
    void resetsAForgottenPasswordOnceOnly() throws Exception {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        MailServer.awaitMail(email, 1, MAIL_WAIT);

        mvc.perform(post("/password/forgot").with(csrf()).param("email", email))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Si un compte existe pour cette adresse")));
        String link = MailServer.link(MailServer.awaitMail(email, 2, MAIL_WAIT), "/password/reset");
        String token = UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("token");

        mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", "court"))
                .andExpect(status().isBadRequest());
        String newPassword = "un tout nouveau mot de passe";
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", newPassword))
                .andExpect(redirectedUrl("/login"));

        login(email, newPassword).andExpect(redirectedUrl("/start"));
        login(email, PASSWORD).andExpect(redirectedUrl("/login?error=credentials"));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("password", newPassword))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce lien a déjà servi")));
    }

    @Test
    void answersTheSameWhetherOrNotAnAccountExists() throws Exception {
        mvc.perform(post("/password/forgot").with(csrf()).param("email", uniqueEmail()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Si un compte existe pour cette adresse")));
    }

    @Test
    void throttlesLoginAfterRepeatedFailures() throws Exception {
        String email = confirmedAccount();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            login(email, "mauvais mot de passe " + i).andExpect(redirectedUrl("/login?error=credentials"));
        }
        login(email, PASSWORD).andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(get("/login").param("error", "throttled"))
                .andExpect(content().string(containsString("Trop de tentatives de connexion")));
    }

    @Test
    @HostileInput("A3")
    void refusesAFormPostedWithoutCsrfToken() throws Exception {
        mvc.perform(post("/signup").param("email", uniqueEmail()).param("displayName", "X").param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    @HostileInput("A4")
    void sendsNoOneToAnotherSiteAfterLoginWhateverTheAddressAsks() throws Exception {
        String email = confirmedAccount();
        for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example",
                "https:%2F%2Fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "http:evil.example",
                "javascript:alert(1)")) {
            String direct = mvc.perform(post("/login").with(csrf()).queryParam("next", next)
                            .queryParam("continue", next).queryParam("redirect", next)
                            .param("username", email).param("password", PASSWORD))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertSameSite(direct, next);

            MockHttpSession session = new MockHttpSession();
            mvc.perform(get("/console").queryParam("next", next).session(session))
                    .andExpect(status().is3xxRedirection());
            String saved = mvc.perform(post("/login").with(csrf()).session(session).queryParam("next", next)
                            .param("username", email).param("password", PASSWORD))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertSameSite(saved, next);
        }
    }

    /** A path of this site, or an absolute address on this site's own host. */
    private static void assertSameSite(String location, String next) {
        assertThat(location).as("redirect after login asked to go to " + next).satisfiesAnyOf(
                l -> assertThat(l).startsWith("http://localhost/"),
                l -> assertThat(l).matches("/[^/\\\\].*"));
    }

    @Test
    void keepsTheConsoleForSignedInPeople() throws Exception {
        mvc.perform(get("/console"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void showsErrorPagesWithoutTechnicalDetails() throws Exception {
        mvc.perform(get("/no-such-page").accept("text/html"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/confirm").param("token", "x".repeat(5000)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Exception"))));
    }

    private String confirmedAccount() throws Exception {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        mvc.perform(get(pathOf(MailServer.link(MailServer.awaitMail(email, 1, MAIL_WAIT), "/account/confirm"))));
        return email;
    }

    private ResultActions signUp(String email, String password) throws Exception {
        return mvc.perform(post("/signup").with(csrf())
                .param("email", email).param("displayName", "Camille Martin").param("password", password));
    }

    private ResultActions login(String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password));
    }

    private static String pathOf(String absolute) {
        var uri = UriComponentsBuilder.fromUriString(absolute).build();
        return uri.getPath() + "?" + uri.getQuery();
    }

    static String uniqueEmail() {
        return "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
