package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.atAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Awarding through the console, then verifying the badge as any verifier would: the hosted assertion by URL and
 * the OB 3.0 credential as given, both through the public API and over HTTP on this server; then revoking it.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class AwardIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    AccountUser owner;
    AccountUser awarder;
    AccountUser viewer;
    AccountUser outsider;
    OrganisationId organisation;
    BadgeClassId badgeClass;

    @BeforeEach
    void publishABadge() throws Exception {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        owner = fixture.account("Owner");
        awarder = fixture.account("Awarder");
        viewer = fixture.account("Viewer");
        outsider = fixture.account("Outsider");
        organisation = fixture.organisation(owner, "Ligue de l'enseignement");
        fixture.join(organisation, owner, awarder, StaffRole.AWARDER);
        fixture.join(organisation, owner, viewer, StaffRole.VIEWER);
        fixture.organisation(outsider, "Autre association");
        badgeClass = fixture.published(organisation, owner);
    }

    @Test
    @HostileInput("A7")
    void awardsABadgeThatVerifiesUntilItIsRevoked() throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID token = UUID.randomUUID();
        award(awarder, token, email).andExpect(status().isFound());
        award(awarder, token, email).andExpect(status().isFound());

        List<AwardView> made = awards.awards(organisation, badgeClass, owner.id());
        assertThat(made).hasSize(1);
        AwardView award = made.get(0);
        String assertionUrl = "http://127.0.0.1:" + port + "/ob2/assertions/" + award.id().value();

        MimeMessage mail = MailServer.awaitMail(email, 1, Duration.ofSeconds(20));
        assertThat(MailServer.link(mail, "/ob2/assertions/")).isEqualTo(assertionUrl);

        byte[] stored = awards.hostedAssertion(award.id(), new org.insigne.issuer.publishing.HostedUrls("http://x"))
                .orElseThrow().json();
        mvc.perform(get("/ob2/assertions/" + award.id().value()).accept("application/ld+json").with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/ld+json"))
                .andExpect(content().bytes(stored));
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(email);
        mvc.perform(get("/ob2/assertions/" + award.id().value()).accept(MediaType.TEXT_HTML).with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Animer une réunion")));

        verify("{\"url\": \"" + assertionUrl + "\", \"recipient\": \"" + email + "\"}")
                .andExpect(jsonPath("$.spec").value("ob2"))
                .andExpect(jsonPath("$.verdict").value("valid"));
        String credential = mvc.perform(get("/ob3/credentials/" + award.id().value()).with(atAddress(port)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        verify("{\"credential\": " + credential + ", \"recipient\": \"" + email + "\"}")
                .andExpect(jsonPath("$.spec").value("ob3"))
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("passed"));

        mvc.perform(post("/console/organisations/{org}/awards/{id}/revoke", organisation.value(), award.id().value())
                        .with(as(owner)).with(csrf()).param("reason", "Délivré par erreur"))
                .andExpect(status().isFound());

        mvc.perform(get("/ob2/assertions/" + award.id().value()).accept("application/ld+json").with(atAddress(port)))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.revoked").value(true))
                .andExpect(jsonPath("$.revocationReason").value("Délivré par erreur"));
        mvc.perform(get("/ob2/issuers/" + organisation.value() + "/revocations").with(atAddress(port)))
                .andExpect(jsonPath("$.revokedAssertions[0].id").value(assertionUrl))
                .andExpect(jsonPath("$.revokedAssertions[0].revocationReason").value("Délivré par erreur"));
        // The core verifier reads the reason from the 410 body.
        verify("{\"url\": \"" + assertionUrl + "\"}")
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob2.revocation')].status").value("failed"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob2.revocation')].message").value("Ce badge a été révoqué "
                        + "par son émetteur : il n'est plus publié à l'adresse " + assertionUrl + ". Motif : Délivré par erreur"));
        verify("{\"assertion\": " + new String(stored, StandardCharsets.UTF_8) + "}")
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob2.revocation')].message")
                        .value("Ce badge a été révoqué par son émetteur. Motif : Délivré par erreur"));
        // A Bitstring Status List holds one bit per credential, no reason: the reason stays on the hosted
        // assertion, the revocation lists and the public page.
        verify("{\"credential\": " + credential + "}")
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].status").value("failed"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.status')].message")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("Le badge a été révoqué"))));
        mvc.perform(get("/ob3/issuers/" + organisation.value() + "/revocations").with(atAddress(port)))
                .andExpect(jsonPath("$.revokedCredential[0].revocationReason").value("Délivré par erreur"));
    }

    @Test
    @HostileInput("A2")
    void letsAwardersAwardButNotRevokeAndHidesTheOrganisationFromOutsiders() throws Exception {
        award(viewer, UUID.randomUUID(), "a@example.org").andExpect(status().isForbidden());
        award(outsider, UUID.randomUUID(), "a@example.org").andExpect(status().isNotFound());
        award(awarder, UUID.randomUUID(), "b@example.org").andExpect(status().isFound());
        AwardView award = awards.awards(organisation, badgeClass, owner.id()).get(0);

        for (AccountUser user : List.of(awarder, viewer)) {
            revoke(user, award).andExpect(status().isForbidden());
        }
        revoke(outsider, award).andExpect(status().isNotFound());
        mvc.perform(get("/console/organisations/{org}/badge-classes/{id}/awards", organisation.value(), badgeClass.value())
                        .with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/organisations/{org}/badge-classes/{id}/awards", organisation.value(), badgeClass.value())
                        .with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("b@example.org")));
        assertThat(awards.award(organisation, award.id(), owner.id()).revoked()).isFalse();
    }

    @Test
    @HostileInput("A3")
    void refusesAwardsAndRevocationsPostedWithoutTheFormsCsrfToken() throws Exception {
        award(owner, UUID.randomUUID(), "c@example.org").andExpect(status().isFound());
        AwardView award = awards.awards(organisation, badgeClass, owner.id()).get(0);

        for (RequestPostProcessor crossSite : List.<RequestPostProcessor>of(request -> request,
                csrf().useInvalidToken())) {
            award(owner, UUID.randomUUID(), "d@example.org", crossSite).andExpect(status().isForbidden());
            revoke(owner, award, crossSite).andExpect(status().isForbidden());
        }

        assertThat(awards.awards(organisation, badgeClass, owner.id())).hasSize(1);
        assertThat(awards.award(organisation, award.id(), owner.id()).revoked()).isFalse();
    }

    @Test
    void showsTheFormAgainWhenTheLevelIsUnknown() throws Exception {
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/awards", organisation.value(), badgeClass.value())
                        .with(atAddress(port)).with(as(owner)).with(csrf())
                        .param("formToken", UUID.randomUUID().toString())
                        .param("recipientEmail", "c@example.org").param("recipientName", "Camille")
                        .param("level", "Expert"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choisissez l&#39;un des niveaux")));
        assertThat(awards.awards(organisation, badgeClass, owner.id())).isEmpty();
    }

    @Test
    void writesToTheEarnerInTheLanguageTheIssuerWorksIn() throws Exception {
        String email = "alex." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/awards", organisation.value(), badgeClass.value())
                        .with(atAddress(port)).with(as(owner)).with(csrf()).cookie(new jakarta.servlet.http.Cookie("insigne-lang", "en"))
                        .param("formToken", UUID.randomUUID().toString())
                        .param("recipientEmail", email).param("recipientName", "Alex").param("level", "Je fais"))
                .andExpect(status().isFound());

        MimeMessage mail = MailServer.awaitMail(email, 1, Duration.ofSeconds(20));
        assertThat(mail.getSubject()).isEqualTo("Ligue de l'enseignement awarded you the badge \"Animer une réunion\"");
        assertThat(MailServer.body(mail)).contains("Animer une r");
    }

    @Test
    void servesIssuerDocumentsToMachinesAndPagesToBrowsersButNoDrafts() throws Exception {
        award(owner, UUID.randomUUID(), "d@example.org").andExpect(status().isFound());
        String issuer = mvc.perform(get("/ob2/issuers/" + organisation.value()).with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("Issuer"))
                .andExpect(jsonPath("$.revocationList").value("http://127.0.0.1:" + port + "/ob2/issuers/"
                        + organisation.value() + "/revocations"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String keyUrl = com.jayway.jsonpath.JsonPath.read(issuer, "$.publicKey[0]");
        mvc.perform(get(keyUrl.substring(keyUrl.indexOf("/ob2/"))).with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("CryptographicKey"))
                .andExpect(jsonPath("$.owner").value("http://127.0.0.1:" + port + "/ob2/issuers/" + organisation.value()))
                .andExpect(jsonPath("$.publicKeyPem").value(org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY-----")));
        mvc.perform(get("/ob3/issuers/" + organisation.value()).with(atAddress(port)))
                .andExpect(jsonPath("$.verificationMethod[0].type").value("Multikey"))
                .andExpect(jsonPath("$.verificationMethod[0].controller").value("http://127.0.0.1:" + port + "/ob3/issuers/"
                        + organisation.value()));
        mvc.perform(get("/ob2/issuers/" + organisation.value()).accept(MediaType.TEXT_HTML).with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ligue de l&#39;enseignement")));
        mvc.perform(get("/ob2/badge-classes/" + badgeClass.value()).accept(MediaType.TEXT_HTML).with(atAddress(port)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Animer une réunion")));
        BadgeClassId draft = fixture.draft(organisation, owner);
        mvc.perform(get("/ob2/badge-classes/" + draft.value()).with(atAddress(port))).andExpect(status().isNotFound());
        mvc.perform(get("/ob2/assertions/" + UUID.randomUUID()).with(atAddress(port))).andExpect(status().isNotFound());
    }

    private ResultActions award(AccountUser user, UUID token, String email) throws Exception {
        return award(user, token, email, csrf());
    }

    private ResultActions award(AccountUser user, UUID token, String email, RequestPostProcessor csrf)
            throws Exception {
        return mvc.perform(post("/console/organisations/{org}/badge-classes/{id}/awards", organisation.value(),
                        badgeClass.value())
                .with(atAddress(port)).with(as(user)).with(csrf)
                .param("formToken", token.toString())
                .param("recipientEmail", email).param("recipientName", "Camille Martin")
                .param("level", "Je transmets").param("evidenceNarrative", "A animé trois réunions."));
    }

    private ResultActions revoke(AccountUser user, AwardView award) throws Exception {
        return revoke(user, award, csrf());
    }

    private ResultActions revoke(AccountUser user, AwardView award, RequestPostProcessor csrf) throws Exception {
        return mvc.perform(post("/console/organisations/{org}/awards/{id}/revoke", organisation.value(), award.id().value())
                .with(as(user)).with(csrf).param("reason", "Erreur"));
    }

    private ResultActions verify(String body) throws Exception {
        var pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr"))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }
}
