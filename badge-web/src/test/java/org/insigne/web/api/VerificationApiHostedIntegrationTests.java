package org.insigne.web.api;

import org.insigne.testing.HostileInput;
import org.insigne.web.testing.HostedBadgeServer;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isOneOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A badge hosted by another platform (here on 127.0.0.1, allowed for this context) verifies through the API. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class VerificationApiHostedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void reportsAHostedBadgeValidWithItsDisplayData() throws Exception {
        try (HostedBadgeServer site = HostedBadgeServer.start()) {
            verify("{\"url\": \"" + site.assertionUrl() + "\", \"recipient\": \"" + HostedBadgeServer.RECIPIENT + "\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.verdict").value("valid"))
                    .andExpect(jsonPath("$.spec").value("ob2"))
                    .andExpect(jsonPath("$.checks[*].status", everyItem(isOneOf("passed", "warning", "skipped"))))
                    .andExpect(jsonPath("$.checks[?(@.id == 'ob2.recipient')].status").value("passed"))
                    .andExpect(jsonPath("$.badge.name").value("Animateur bénévole"))
                    .andExpect(jsonPath("$.badge.issuer.name").value("Ligue de l'enseignement d'Indre-et-Loire"));
        }
    }

    @Test
    void reportsTheWrongRecipientAsInvalidInEnglish() throws Exception {
        try (HostedBadgeServer site = HostedBadgeServer.start()) {
            verify("{\"url\": \"" + site.assertionUrl() + "\", \"recipient\": \"someone.else@example.org\"}", "en")
                    .andExpect(jsonPath("$.verdict").value("invalid"))
                    .andExpect(jsonPath("$.checks[?(@.id == 'ob2.recipient')].status").value("failed"));
        }
    }

    @Test
    @HostileInput("S12")
    void reportsAnAssertionRevokedWith410AsInvalid() throws Exception {
        try (HostedBadgeServer site = HostedBadgeServer.start()) {
            site.fail("/assertions/1", 410);
            verify("{\"url\": \"" + site.assertionUrl() + "\"}")
                    .andExpect(jsonPath("$.verdict").value("invalid"))
                    .andExpect(jsonPath("$.checks[?(@.status == 'failed')].id", is(java.util.List.of("ob2.revocation"))));
        }
    }

    private org.springframework.test.web.servlet.ResultActions verify(String body) throws Exception {
        return verify(body, "fr");
    }

    private org.springframework.test.web.servlet.ResultActions verify(String body, String lang) throws Exception {
        MvcResult pending = mvc.perform(post("/api/v1/verifications").param("lang", lang)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        return mvc.perform(asyncDispatch(pending));
    }
}
