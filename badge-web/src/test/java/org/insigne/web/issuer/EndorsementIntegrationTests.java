package org.insigne.web.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.EndorsementView;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An endorsement between two organisations, end to end through the console, the hosted documents and the
 * verification API: asked for, mailed, accepted, published in both specifications, carried by the next award,
 * verified on its own and inside the badge, then withdrawn and shown as revoked while the badge stays valid;
 * and the same for a person endorsing in their own name.
 */
@InsigneIntegrationTest
class EndorsementIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired EndorsementService endorsements;
    @Autowired PublicProfileService profiles;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge published;
    AccountUser endorserOwner;
    OrganisationId endorser;

    @BeforeEach
    void twoOrganisations() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        published = fixture.publishedBadge();
        endorserOwner = fixture.account("Federation");
        endorser = fixture.organisation(endorserOwner, "Fédération des centres sociaux");
    }

    @Test
    void requestAcceptPublishVerifyWithdraw() throws Exception {
        UUID badge = published.badgeClass().value();
        mvc.perform(post("/console/organisations/{id}/endorsements/requests", published.organisation().value())
                        .with(as(published.owner())).with(csrf()).with(atAddress(port))
                        .param("endorser", endorser.value().toString()).param("target", "BADGE_CLASS:" + badge))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "issuer.endorsements.requested"));
        // The first mail to this address confirmed it at sign-up; the second is the request.
        MimeMessage mail = MailServer.awaitMail(endorserOwner.email(), 2, Duration.ofSeconds(20));
        assertThat(mail.getSubject()).isEqualTo("Demande de recommandation sur Insigne");
        assertThat(MailServer.link(mail, "/endorsements")).endsWith("/console/organisations/" + endorser.value()
                + "/endorsements");
        EndorsementView request = endorsements.given(endorser, endorserOwner.id()).get(0);

        mvc.perform(get("/console/organisations/{id}/endorsements", endorser.value()).with(as(endorserOwner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Animer une réunion")));
        mvc.perform(post("/console/organisations/{id}/endorsements/{e}/accept", endorser.value(), request.id().value())
                        .with(as(endorserOwner)).with(csrf()).with(atAddress(port)).param("comment", ""))
                .andExpect(status().isFound()).andExpect(flash().attribute("refusal", "error.endorsement.comment-missing"));
        mvc.perform(post("/console/organisations/{id}/endorsements/{e}/accept", endorser.value(), request.id().value())
                        .with(as(endorserOwner)).with(csrf()).with(atAddress(port))
                        .param("comment", "Des critères **exigeants** <script>alert(1)</script>"))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "issuer.endorsements.accepted"));
        UUID id = request.id().value();

        String ob2 = body(mvc.perform(get("/ob2/endorsements/{id}", id).with(atAddress(port))).andExpect(status().isOk()));
        assertThat(ob2).contains("\"type\":\"Endorsement\"", "/ob2/badge-classes/" + badge, "exigeants");
        String ob3 = body(mvc.perform(get("/ob3/endorsements/{id}", id).with(atAddress(port))).andExpect(status().isOk()));
        assertThat(ob3).contains("EndorsementCredential", "EndorsementSubject", "eddsa-rdfc-2022",
                "/ob3/achievements/" + badge);
        mvc.perform(get("/ob2/badge-classes/{id}", badge).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Fédération des centres sociaux")))
                .andExpect(content().string(containsString("<strong>exigeants</strong>")))
                .andExpect(content().string(not(containsString("<script>alert"))));

        AwardView award = fixture.awardThroughForm(published, "camille@example.org", awards, atAddress(port));
        String credential = body(mvc.perform(get("/ob3/credentials/{id}", award.id().value()).with(atAddress(port))));
        assertThat(credential).contains("EndorsementCredential");
        mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Fédération des centres sociaux")));

        verify("{\"credential\": " + credential + "}")
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.endorsements')].status").value("passed"));
        verify("{\"url\": \"http://127.0.0.1:" + port + "/ob2/assertions/" + award.id().value() + "\"}")
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob2.endorsements')].status").value("passed"));
        verify("{\"credential\": " + ob3 + "}").andExpect(jsonPath("$.verdict").value("valid"));

        // rendered a second time, the anonymous page is now kept by the page cache
        mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Fédération des centres sociaux")));
        mvc.perform(post("/console/organisations/{id}/endorsements/{e}/withdraw", endorser.value(), id)
                        .with(as(endorserOwner)).with(csrf()).with(atAddress(port)))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "issuer.endorsements.withdrawn"));
        // the withdrawal is no longer shown to anyone: the kept page was forgotten
        mvc.perform(get("/ob2/assertions/{id}", award.id().value()).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Fédération des centres sociaux"))));

        assertThat(body(mvc.perform(get("/ob2/endorsements/{id}", id).with(atAddress(port)))
                .andExpect(status().isGone()))).contains("\"revoked\":true");
        verify("{\"credential\": " + ob3 + "}").andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("failed"));
        verify("{\"credential\": " + credential + "}")
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.endorsements')].status").value("warning"));
    }

    @Test
    void offersFromThePublicPageAndRefusesSelfAndTwice() throws Exception {
        UUID org = published.organisation().value();
        mvc.perform(get("/ob2/issuers/{id}", org).with(as(endorserOwner)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("name=\"comment\"")));
        mvc.perform(post("/console/endorsements/offer").with(as(endorserOwner)).with(csrf())
                        .param("endorser", endorser.value().toString()).param("target", "ORGANISATION:" + org)
                        .param("comment", "Un partenaire fiable."))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "issuer.endorsements.offered"));
        mvc.perform(post("/console/endorsements/offer").with(as(endorserOwner)).with(csrf())
                        .param("endorser", endorser.value().toString()).param("target", "ORGANISATION:" + org)
                        .param("comment", "Encore."))
                .andExpect(status().isFound()).andExpect(flash().attribute("refusal", "error.endorsement.twice"));
        mvc.perform(post("/console/endorsements/offer").with(as(published.owner())).with(csrf())
                        .param("endorser", org.toString()).param("target", "ORGANISATION:" + org)
                        .param("comment", "Moi-même."))
                .andExpect(status().isFound()).andExpect(flash().attribute("refusal", "error.endorsement.self"));
        mvc.perform(post("/console/endorsements/offer").with(as(published.owner())).with(csrf())
                        .param("endorser", endorser.value().toString()).param("target", "ORGANISATION:" + org)
                        .param("comment", "Pas mon organisation."))
                .andExpect(status().isNotFound());
        String profile = body(mvc.perform(get("/ob3/issuers/{id}", org)));
        assertThat(profile).contains("EndorsementCredential", "Un partenaire fiable.");
    }

    /**
     * A person with a public profile endorses a badge class in their own name from its public page: signed with
     * the key the platform keeps for them, their profile at the issuer addresses, carried by the next award,
     * verified, withdrawn from their backpack and then shown as revoked.
     */
    @Test
    void personOffersVerifiesAndWithdrawsInOwnName() throws Exception {
        AccountUser tutor = fixture.account("Tutor");
        UUID badge = published.badgeClass().value();
        String target = "BADGE_CLASS:" + badge;
        offerInOwnName(tutor, target, "Sans profil public.")
                .andExpect(flash().attribute("refusal", "error.endorsement.person-without-profile"));
        profiles.publish(tutor.id(), "Dominique Tuteur");
        mvc.perform(get("/ob2/badge-classes/{id}", badge).with(as(tutor)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("En mon nom (Dominique Tuteur)")));

        offerInOwnName(tutor, target, "").andExpect(flash().attribute("refusal", "error.endorsement.comment-missing"));
        offerInOwnName(tutor, target, "Un badge **sérieux** <script>alert(1)</script>")
                .andExpect(flash().attribute("notice", "issuer.endorsements.offered"));
        offerInOwnName(tutor, target, "Encore.").andExpect(flash().attribute("refusal", "error.endorsement.twice-person"));
        profiles.publish(published.owner().id(), "Owner");
        offerInOwnName(published.owner(), target, "Mon propre badge.")
                .andExpect(flash().attribute("refusal", "error.endorsement.self-staff"));
        assertThat(endorsements.givenByPerson(published.owner().id())).isEmpty();

        EndorsementView given = endorsements.givenByPerson(tutor.id()).get(0);
        UUID id = given.id().value();
        UUID person = given.endorserId();
        assertThat(person).isNotEqualTo(tutor.id());

        String ob2 = body(mvc.perform(get("/ob2/endorsements/{id}", id).with(atAddress(port))).andExpect(status().isOk()));
        assertThat(ob2).contains("\"type\":\"Endorsement\"", "/ob2/badge-classes/" + badge, "/ob2/issuers/" + person);
        String profile = body(mvc.perform(get("/ob2/issuers/{id}", person).with(atAddress(port)))
                .andExpect(status().isOk()));
        assertThat(profile).contains("Dominique Tuteur").doesNotContain(tutor.email(), tutor.id().toString());
        // an OB 2.0 verifier follows the profile's revocation list: it must be there, and empty
        JsonMapper json = JsonMapper.builder().build();
        String revocations = json.readTree(profile).path("revocationList").asString();
        assertThat(revocations).endsWith("/ob2/issuers/" + person + "/revocations");
        JsonNode list = json.readTree(body(mvc.perform(get(java.net.URI.create(revocations).getPath())
                .with(atAddress(port))).andExpect(status().isOk())));
        assertThat(list.path("type").asString()).isEqualTo("RevocationList");
        assertThat(list.path("revokedAssertions").isEmpty()).isTrue();
        mvc.perform(get("/ob2/issuers/{id}", person).with(as(tutor)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cette personne recommande")))
                .andExpect(content().string(not(containsString("name=\"comment\""))));
        assertThat(body(mvc.perform(get("/ob3/issuers/{id}", person).with(atAddress(port)))))
                .contains("Dominique Tuteur", "Multikey");
        assertThat(body(mvc.perform(get("/ob3/issuers/{id}/did.json", person).with(atAddress(port)))
                .andExpect(status().isOk()))).contains("did:web:127.0.0.1", ":ob3:issuers:" + person,
                "publicKeyMultibase");

        String ob3 = body(mvc.perform(get("/ob3/endorsements/{id}", id).with(atAddress(port))).andExpect(status().isOk()));
        assertThat(ob3).contains("EndorsementCredential", "eddsa-rdfc-2022", "Dominique Tuteur",
                "/ob3/achievements/" + badge, "/ob3/issuers/" + person + "/status/0");
        mvc.perform(get("/ob2/badge-classes/{id}", badge).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Dominique Tuteur")))
                .andExpect(content().string(containsString("<strong>sérieux</strong>")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        verify("{\"credential\": " + ob3 + "}").andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("passed"));

        AwardView award = fixture.awardThroughForm(published, "camille@example.org", awards, atAddress(port));
        String credential = body(mvc.perform(get("/ob3/credentials/{id}", award.id().value()).with(atAddress(port))));
        assertThat(credential).contains("EndorsementCredential", "Dominique Tuteur");
        verify("{\"credential\": " + credential + "}").andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.endorsements')].status").value("passed"));

        mvc.perform(get("/backpack/endorsements").with(as(tutor)))
                .andExpect(content().string(containsString("Animer une réunion")));
        AccountUser stranger = fixture.account("Stranger");
        mvc.perform(post("/backpack/endorsements/{id}/withdraw", id).with(as(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/backpack/endorsements/{id}/withdraw", id).with(as(tutor)).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "issuer.endorsements.withdrawn"));
        mvc.perform(post("/backpack/endorsements/{id}/withdraw", id).with(as(tutor)).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("refusal", "error.endorsement.not-pending"));

        assertThat(body(mvc.perform(get("/ob2/endorsements/{id}", id).with(atAddress(port)))
                .andExpect(status().isGone()))).contains("\"revoked\":true");
        verify("{\"credential\": " + ob3 + "}").andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("failed"));
        verify("{\"credential\": " + credential + "}").andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.endorsements')].status").value("warning"));
        mvc.perform(get("/ob2/badge-classes/{id}", badge).with(atAddress(port)).accept(MediaType.TEXT_HTML))
                .andExpect(content().string(not(containsString("Dominique Tuteur"))));
    }

    private ResultActions offerInOwnName(AccountUser who, String target, String comment) throws Exception {
        return mvc.perform(post("/console/endorsements/offer").with(as(who)).with(csrf()).with(atAddress(port))
                        .param("endorser", "person").param("target", target).param("comment", comment))
                .andExpect(status().isFound());
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private ResultActions verify(String body) throws Exception {
        return verify(mvc, body);
    }

    /** The verification API's answer to {@code body}, in French. */
    static ResultActions verify(MockMvc mvc, String body) throws Exception {
        var pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr"))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }
}
