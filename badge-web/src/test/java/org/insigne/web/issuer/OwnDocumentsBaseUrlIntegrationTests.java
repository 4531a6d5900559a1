package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code insigne.base-url} set to an HTTPS address (badges then name did:web issuers and hosted keys), the
 * documents under that base are read from the database, so a badge awarded here verifies here with no network;
 * a loopback address at this server's port is then not this platform's own and is fetched, and refused.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.base-url=https://insigne.invalid")
class OwnDocumentsBaseUrlIntegrationTests {

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
    void verifiesAnAwardMadeHereUnderTheConfiguredBaseOnly() throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AwardView award = award(email);
        String credential = mvc.perform(get("/ob3/credentials/" + award.id().value()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        verify("{\"url\": \"https://insigne.invalid/ob2/assertions/" + award.id().value() + "\", \"recipient\": \""
                + email + "\"}")
                .andExpect(jsonPath("$.spec").value("ob2"))
                .andExpect(jsonPath("$.verdict").value("valid"));
        verify("{\"credential\": " + credential + ", \"recipient\": \"" + email + "\"}")
                .andExpect(jsonPath("$.spec").value("ob3"))
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.proof')].status").value("passed"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("passed"));

        verify("{\"url\": \"http://127.0.0.1:" + port + "/ob2/assertions/" + award.id().value() + "\"}")
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[0].id").value("input.fetch"));
    }

    private AwardView award(String email) throws Exception {
        return fixture.awardThroughForm(published, email, awards, ConsoleFixture.asMade());
    }

    private ResultActions verify(String body) throws Exception {
        var pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr"))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }
}
