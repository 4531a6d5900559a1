package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;

import org.insigne.issuer.application.ApplicationService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 1EdTech Apply Link extension: a badge class open to applications says where to apply, in its OB 2.0
 * BadgeClass and in the OB 3.0 Achievement (its own document and the credentials awarded meanwhile), and
 * those badges verify; a class that does not take applications, or no longer does, keeps its documents byte
 * for byte.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class ApplyLinkIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired ApplicationService applications;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge published;

    @BeforeEach
    void publishABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        published = fixture.publishedBadge();
    }

    @Test
    void saysWhereToApplyOnlyWhileApplicationsAreOpen() throws Exception {
        String ob2 = "/ob2/badge-classes/" + published.badgeClass().value();
        String ob3 = "/ob3/achievements/" + published.badgeClass().value();
        byte[] ob2Before = fetch(ob2);
        byte[] ob3Before = fetch(ob3);
        assertThat(new String(ob2Before, StandardCharsets.UTF_8)).doesNotContain("ApplyLink");
        assertThat(JSON.readTree(ob3Before).has("url")).isFalse();

        new ApplicationFixture(fixture, applications).open(published.organisation(), published.badgeClass(),
                published.owner());
        String applyUrl = "http://127.0.0.1:" + port + "/apply/" + published.badgeClass().value();
        JsonNode extension = JSON.readTree(fetch(ob2)).path("extensions:ApplyLink");
        assertThat(extension.path("@context").asString())
                .isEqualTo("https://openbadgespec.org/extensions/applyLinkExtension/context.json");
        assertThat(extension.path("type").toString()).isEqualTo("[\"Extension\",\"extensions:ApplyLink\"]");
        assertThat(extension.path("url").asString()).isEqualTo(applyUrl);
        assertThat(JSON.readTree(fetch(ob3)).path("url").asString()).isEqualTo(applyUrl);

        applications.close(published.organisation(), published.badgeClass(), published.owner().id());
        assertThat(fetch(ob2)).isEqualTo(ob2Before);
        assertThat(fetch(ob3)).isEqualTo(ob3Before);
    }

    @Test
    void badgesOfAClassOpenToApplicationsCarryTheLinkAndVerify() throws Exception {
        new ApplicationFixture(fixture, applications).open(published.organisation(), published.badgeClass(),
                published.owner());
        String email = "camille." + System.nanoTime() + "@example.org";
        AwardView award = fixture.awardThroughForm(published, email, awards, atAddress(port));

        byte[] credential = fetch("/ob3/credentials/" + award.id().value());
        assertThat(JSON.readTree(credential).path("credentialSubject").path("achievement").path("url").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/apply/" + published.badgeClass().value());
        assertThat(verify(credential, "credential.json", "application/json", email))
                .contains("\"verdict\":\"valid\"");
        byte[] assertion = fetch("/ob2/assertions/" + award.id().value());
        assertThat(verify(assertion, "assertion.json", "application/json", email))
                .contains("\"verdict\":\"valid\"");
    }

    private byte[] fetch(String path) throws Exception {
        return mvc.perform(get(path).with(atAddress(port))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private String verify(byte[] badge, String name, String type, String email) throws Exception {
        return verify(mvc, new MockMultipartFile("file", name, type, badge), email);
    }

    /** Sends a badge to the public verification API, as any verifier would; answers the report's JSON. */
    static String verify(MockMvc mvc, MockMultipartFile badge, String email) throws Exception {
        var pending = mvc.perform(multipart("/api/v1/verifications").file(badge).param("recipient", email))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
