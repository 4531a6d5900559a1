package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.hasItem;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With loopback fetching off (the default), a badge awarded here on a plain-HTTP loopback address verifies here:
 * the platform's own documents (hosted assertion, badge class, issuer, keys, revocation and status lists) are
 * read from the database; the same paths on any other host are fetched like any remote document, and refused.
 */
@InsigneIntegrationTest
class OwnDocumentsVerificationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge published;

    @BeforeEach
    void publishABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        published = fixture.publishedBadge();
    }

    @Test
    void verifiesAnAwardMadeHereUntilItIsRevokedWithoutFetchingItsOwnDocuments() throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AwardView award = award(email);
        String assertionUrl = "http://127.0.0.1:" + port + "/ob2/assertions/" + award.id().value();
        String credential = mvc.perform(get("/ob3/credentials/" + award.id().value()).with(atAddress(port)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        verify("{\"url\": \"" + assertionUrl + "\", \"recipient\": \"" + email + "\"}")
                .andExpect(jsonPath("$.spec").value("ob2"))
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob2.recipient')].status").value("passed"));
        verify("{\"credential\": " + credential + ", \"recipient\": \"" + email + "\"}")
                .andExpect(jsonPath("$.spec").value("ob3"))
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("passed"));

        mvc.perform(post("/console/organisations/{org}/awards/{id}/revoke", published.organisation().value(),
                        award.id().value()).with(as(published.owner())).with(csrf())
                        .param("reason", "Délivré par erreur"))
                .andExpect(status().isFound());

        verify("{\"url\": \"" + assertionUrl + "\"}")
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.status == 'failed')].id", hasItem("ob2.revocation")));
        verify("{\"credential\": " + credential + "}")
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("failed"));
    }

    @Test
    void fetchesTheSamePathsOnAnotherHostOverTheNetwork() throws Exception {
        AwardView award = award("dominique." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        String path = "/ob2/assertions/" + award.id().value();

        for (String elsewhere : List.of("http://10.20.30.40:" + port + path, "http://127.0.0.1:" + (port + 1) + path,
                "http://[::1]:" + (port == 65535 ? 1 : port + 1) + path)) {
            verify("{\"url\": \"" + elsewhere + "\"}")
                    .andExpect(jsonPath("$.verdict").value("invalid"))
                    .andExpect(jsonPath("$.checks[0].id").value("input.fetch"))
                    .andExpect(jsonPath("$.checks[0].status").value("failed"));
        }
    }

    private AwardView award(String email) throws Exception {
        return fixture.awardThroughForm(published, email, awards, atAddress(port));
    }

    private ResultActions verify(String body) throws Exception {
        var pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr"))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }
}
