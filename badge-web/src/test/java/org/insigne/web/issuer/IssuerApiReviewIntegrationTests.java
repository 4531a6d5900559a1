package org.insigne.web.issuer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.endorsement.EndorsedKind;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.MailServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications and endorsements through the issuer API over real HTTP with real tokens: lists with filters and
 * paging links, reads, the decisions (an award that mails the earner, a second decision refused, a message
 * required), problems in French and English, each operation's scope and another organisation's ids as 404.
 */
@InsigneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuerApiReviewIntegrationTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ApplicationService applications;
    @Autowired EndorsementService endorsements;
    @Autowired ApiTokenService tokens;

    ApiClient api;
    ConsoleFixture fixture;
    ApplicationFixture applying;
    ConsoleFixture.PublishedBadge badge;
    String token;

    @BeforeAll
    void organisationOpenToApplications() throws Exception {
        api = new ApiClient(port);
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        applying = new ApplicationFixture(fixture, applications);
        badge = fixture.publishedBadge();
        applying.open(badge.organisation(), badge.badgeClass(), badge.owner());
        token = everything(badge);
    }

    private String everything(ConsoleFixture.PublishedBadge of) {
        return tokens.create(of.organisation(), of.owner().id(), "Tout", EnumSet.allOf(ApiScope.class), null).secret();
    }

    @Test
    void listsReadsAndAwardsAnApplicationThenRefusesASecondDecision() throws Exception {
        AccountUser applicant = fixture.account("Candidate");
        ApplicationView sent = applying.submitted(badge.badgeClass(), applicant);
        String id = sent.id().value().toString();

        ApiClient.Answer list = api.get("/api/v1/applications?state=submitted&size=1&badgeClass="
                + badge.badgeClass().value(), token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isPositive();
        assertThat(list.header("X-Total-Count")).isEqualTo(list.json().get("total").asString());
        assertThat(list.header("Link")).contains("rel=\"first\"", "rel=\"last\"", "state=submitted");
        assertThat(api.get("/api/v1/applications?state=submitted&size=100", token).response().body()).contains(id);
        assertThat(api.get("/api/v1/applications?state=refused,withdrawn&size=100", token).response().body())
                .doesNotContain(id);

        JsonNode read = api.get("/api/v1/applications/" + id, token).json();
        assertThat(read.get("state").asString()).isEqualTo("submitted");
        assertThat(read.get("applicant").get("email").asString()).isEqualTo(applicant.email());
        assertThat(read.get("narrative").asString()).isEqualTo("J'ai animé trois réunions de quartier.");
        assertThat(read.get("evidence")).hasSize(2);
        assertThat(read.get("evidence").toString()).contains("https://example.org/compte-rendu", "compte-rendu.pdf");
        assertThat(read.get("history").get(0).get("kind").asString()).isEqualTo("submitted");

        ApiClient.Answer noLevel = api.post("/api/v1/applications/" + id + "/award", token, "{\"message\": \"Bravo\"}");
        assertThat(noLevel.status()).isEqualTo(400);
        assertThat(noLevel.code()).isEqualTo("api.body.missing-field");
        ApiClient.Answer badLevel = api.post("/api/v1/applications/" + id + "/award", token,
                "{\"level\": \"Expert\"}");
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.contentType()).startsWith("application/problem+json");

        ApiClient.Answer awarded = api.post("/api/v1/applications/" + id + "/award", token,
                "{\"level\": \"Je fais\", \"message\": \"Bravo pour ces réunions.\"}");
        assertThat(awarded.status()).as(awarded.response().body()).isEqualTo(200);
        assertThat(awarded.json().get("state").asString()).isEqualTo("awarded");
        String award = awarded.json().get("award").asString();
        JsonNode made = api.get("/api/v1/awards/" + award, token).json();
        assertThat(made.get("recipient").get("email").asString()).isEqualTo(applicant.email());
        assertThat(made.get("evidence").get("narrative").asString()).isEqualTo("J'ai animé trois réunions de quartier.");
        // Sign-up confirmation, then the decision and the badge.
        MailServer.awaitMail(applicant.email(), 3, Duration.ofSeconds(20));
        assertThat(MailServer.mailsTo(applicant.email())).extracting(MimeMessage::getSubject)
                .contains("Ligue de l'enseignement vous a décerné le badge « Animer une réunion »");

        ApiClient.Answer again = api.post("/api/v1/applications/" + id + "/refuse", token,
                "{\"message\": \"Trop tard\"}", "Accept-Language", "en");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("error.application.state-changed");
        assertThat(again.json().get("detail").asString()).isNotBlank()
                .isNotEqualTo(api.post("/api/v1/applications/" + id + "/refuse", token, "{\"message\": \"Trop tard\"}")
                        .json().get("detail").asString());
        assertThat(jdbc.queryForObject("select count(*) from award where recipient_email = ?", Integer.class,
                applicant.email())).isEqualTo(1);
    }

    @Test
    void anApprovalAmongSeveralAnswersTheApplicationStillSubmitted() throws Exception {
        ConsoleFixture.PublishedBadge twoReviews = fixture.publishedBadge();
        applications.open(twoReviews.organisation(), twoReviews.badgeClass(), twoReviews.owner().id(),
                new ApplicationSettings("Racontez une réunion.", "Vérifiez le compte rendu.", true, 2, 1, null, null,
                        null, false, List.of(), 2));
        AccountUser applicant = fixture.account("Patient");
        String id = applying.submitted(twoReviews.badgeClass(), applicant).id().value().toString();

        ApiClient.Answer approved = api.post("/api/v1/applications/" + id + "/award", everything(twoReviews),
                "{\"level\": \"Je fais\"}");

        assertThat(approved.status()).as(approved.response().body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("submitted");
        assertThat(jdbc.queryForObject("select count(*) from award where recipient_email = ?", Integer.class,
                applicant.email())).isZero();
    }

    @Test
    void asksForChangesAndRefusesOnlyWithAMessage() throws Exception {
        String id = applying.submitted(badge.badgeClass()).id().value().toString();
        ApiClient.Answer empty = api.post("/api/v1/applications/" + id + "/changes", token, "{\"message\": \"  \"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("error.application.message-required");
        ApiClient.Answer unknown = api.post("/api/v1/applications/" + id + "/changes", token,
                "{\"message\": \"Ajoutez le compte rendu.\", \"level\": \"Je fais\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("api.body.unknown-field");

        ApiClient.Answer changes = api.post("/api/v1/applications/" + id + "/changes", token,
                "{\"message\": \"Ajoutez le compte rendu.\"}");
        assertThat(changes.json().get("state").asString()).isEqualTo("changes_requested");
        assertThat(changes.json().get("history").get(1).get("message").asString()).isEqualTo("Ajoutez le compte rendu.");
        // As on the review screen, only an application waiting for a decision can be refused.
        ApiClient.Answer late = api.post("/api/v1/applications/" + id + "/refuse", token,
                "{\"message\": \"Hors du périmètre.\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("error.application.state-changed");
        assertThat(api.get("/api/v1/applications?state=changes_requested&size=100", token).response().body())
                .contains(id);

        String other = applying.submitted(badge.badgeClass()).id().value().toString();
        ApiClient.Answer refused = api.post("/api/v1/applications/" + other + "/refuse", token,
                "{\"message\": \"Hors du périmètre.\"}");
        assertThat(refused.json().get("state").asString()).isEqualTo("refused");
        assertThat(api.get("/api/v1/applications?state=refused&size=100", token).response().body()).contains(other);
        ApiClient.Answer badState = api.get("/api/v1/applications?state=pending", token);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.code()).isEqualTo("api.parameter.invalid");
    }

    @Test
    void listsAcceptsDeclinesAndWithdrawsEndorsements() throws Exception {
        AccountUser endorserOwner = fixture.account("Federation");
        OrganisationId endorser = fixture.organisation(endorserOwner, "Fédération des centres sociaux");
        String endorserToken = tokens.create(endorser, endorserOwner.id(), "Fédé", EnumSet.allOf(ApiScope.class), null)
                .secret();
        UUID first = endorsements.request(badge.organisation(), badge.owner().id(), EndorsedKind.BADGE_CLASS,
                badge.badgeClass().value(), endorser).endorsement().id().value();
        UUID second = endorsements.request(badge.organisation(), badge.owner().id(), EndorsedKind.ORGANISATION,
                badge.organisation().value(), endorser).endorsement().id().value();

        ApiClient.Answer given = api.get("/api/v1/endorsements?direction=given&state=requested", endorserToken);
        assertThat(given.json().get("total").asInt()).isEqualTo(2);
        assertThat(given.header("X-Total-Count")).isEqualTo("2");
        ApiClient.Answer received = api.get("/api/v1/endorsements?direction=received&size=100", token);
        assertThat(received.response().body()).contains(first.toString(), second.toString());
        assertThat(api.get("/api/v1/endorsements?direction=received", endorserToken).json().get("total").asInt()).isZero();
        JsonNode one = api.get("/api/v1/endorsements/" + first, token).json();
        assertThat(one.get("direction").asString()).isEqualTo("received");
        assertThat(one.get("endorsed").get("kind").asString()).isEqualTo("badge_class");
        assertThat(one.get("endorser").get("name").asString()).isEqualTo("Fédération des centres sociaux");

        // Only the endorser decides: the endorsed organisation's token finds nothing to accept.
        ApiClient.Answer notTheirs = api.post("/api/v1/endorsements/" + first + "/accept", token,
                "{\"comment\": \"Moi-même\"}");
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.code()).isEqualTo("error.endorsement.not-found");
        ApiClient.Answer noComment = api.post("/api/v1/endorsements/" + first + "/accept", endorserToken, "{}");
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.code()).isEqualTo("error.endorsement.comment-missing");

        ApiClient.Answer accepted = api.post("/api/v1/endorsements/" + first + "/accept", endorserToken,
                "{\"comment\": \"Des critères **exigeants**.\"}");
        assertThat(accepted.status()).as(accepted.response().body()).isEqualTo(200);
        assertThat(accepted.json().get("state").asString()).isEqualTo("accepted");
        assertThat(accepted.json().get("credentialUrl").asString()).endsWith("/ob3/endorsements/" + first);
        ApiClient.Answer declined = api.post("/api/v1/endorsements/" + second + "/decline", endorserToken, null);
        assertThat(declined.json().get("state").asString()).isEqualTo("declined");
        ApiClient.Answer withdrawn = api.post("/api/v1/endorsements/" + first + "/withdraw", endorserToken, null);
        assertThat(withdrawn.json().get("state").asString()).isEqualTo("withdrawn");
        assertThat(api.get("/api/v1/endorsements/" + first, token).json().get("state").asString())
                .isEqualTo("withdrawn");
        ApiClient.Answer twice = api.post("/api/v1/endorsements/" + second + "/decline", endorserToken, null);
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void describesTheNewOperationsInOpenApiAndOnTheDocsPage() {
        JsonNode paths = api.get("/api/v1/openapi.json", null).json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/applications", "/api/v1/applications/{id}",
                "/api/v1/applications/{id}/award", "/api/v1/applications/{id}/changes",
                "/api/v1/applications/{id}/refuse", "/api/v1/endorsements", "/api/v1/endorsements/{id}",
                "/api/v1/endorsements/{id}/accept", "/api/v1/endorsements/{id}/decline",
                "/api/v1/endorsements/{id}/withdraw", "/api/v1/webhooks", "/api/v1/webhooks/{id}",
                "/api/v1/webhooks/{id}/deliveries", "/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver",
                "/api/v1/webhooks/{id}/rotate-secret");
        assertThat(paths.get("/api/v1/applications/{id}/award").get("post").get("requestBody").toString())
                .contains("AwardDecision");
        assertThat(api.get("/api/v1/docs", null).response().body()).contains("POST /api/v1/applications/{id}/refuse",
                "DELETE /api/v1/webhooks/{id}", "scope manage");
    }

    /** One operation: method, path with {app} and {end} placeholders, body, scope it needs. */
    record Operation(String method, String path, String body, ApiScope scope) {

        String on(UUID application, UUID endorsement) {
            return path.replace("{app}", application.toString()).replace("{end}", endorsement.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation("GET", "/api/v1/applications", null, ApiScope.READ),
            new Operation("GET", "/api/v1/applications/{app}", null, ApiScope.READ),
            new Operation("POST", "/api/v1/applications/{app}/award", "{\"level\": \"Je fais\"}", ApiScope.AWARD),
            new Operation("POST", "/api/v1/applications/{app}/changes", "{\"message\": \"Précisez.\"}", ApiScope.AWARD),
            new Operation("POST", "/api/v1/applications/{app}/refuse", "{\"message\": \"Non.\"}", ApiScope.AWARD),
            new Operation("GET", "/api/v1/endorsements", null, ApiScope.READ),
            new Operation("GET", "/api/v1/endorsements/{end}", null, ApiScope.READ),
            new Operation("POST", "/api/v1/endorsements/{end}/accept", "{\"comment\": \"Oui.\"}", ApiScope.MANAGE),
            new Operation("POST", "/api/v1/endorsements/{end}/decline", null, ApiScope.MANAGE),
            new Operation("POST", "/api/v1/endorsements/{end}/withdraw", null, ApiScope.MANAGE),
            new Operation("GET", "/api/v1/webhooks", null, ApiScope.MANAGE),
            new Operation("POST", "/api/v1/webhooks",
                    "{\"url\": \"https://93.184.215.14/hook\", \"events\": [\"award.created\"]}", ApiScope.MANAGE),
            new Operation("GET", "/api/v1/webhooks/{end}", null, ApiScope.MANAGE),
            new Operation("GET", "/api/v1/webhooks/{end}/deliveries", null, ApiScope.MANAGE),
            new Operation("POST", "/api/v1/webhooks/{end}/rotate-secret", null, ApiScope.MANAGE),
            new Operation("DELETE", "/api/v1/webhooks/{end}", null, ApiScope.MANAGE));

    private ApiClient.Answer call(Operation op, String with, UUID application, UUID endorsement) {
        return api.call(op.method(), op.on(application, endorsement), with, op.body() == null ? null : "application/json",
                op.body());
    }

    @TestFactory
    Stream<DynamicTest> eachOperationNeedsItsScope() {
        return OPERATIONS.stream().map(op -> DynamicTest.dynamicTest(op + " without " + op.scope().code() + " is 403",
                () -> {
                    Set<ApiScope> others = EnumSet.complementOf(EnumSet.of(op.scope()));
                    String narrow = tokens.create(badge.organisation(), badge.owner().id(), "Sans", others, null)
                            .secret();
                    ApiClient.Answer answer = call(op, narrow, applying.submitted(badge.badgeClass()).id().value(),
                            UUID.randomUUID());
                    assertThat(answer.status()).isEqualTo(403);
                    assertThat(answer.code()).isEqualTo("api.auth.scope-missing");
                }));
    }

    @TestFactory
    Stream<DynamicTest> anotherOrganisationsApplicationsAreNotFound() throws Exception {
        ConsoleFixture.PublishedBadge theirs = fixture.publishedBadge();
        String theirToken = everything(theirs);
        return OPERATIONS.stream().filter(op -> op.path().contains("{app}"))
                .map(op -> DynamicTest.dynamicTest(op + " on another organisation's application is 404", () -> {
                    UUID mine = applying.submitted(badge.badgeClass()).id().value();
                    ApiClient.Answer answer = call(op, theirToken, mine, UUID.randomUUID());
                    assertThat(answer.status()).as(answer.response().body()).isEqualTo(404);
                    assertThat(answer.code()).isEqualTo("error.application.not-found");
                    assertThat(call(op, theirToken, UUID.randomUUID(), UUID.randomUUID()).code())
                            .isEqualTo(answer.code());
                    assertThat(api.get("/api/v1/applications/" + mine, token).json().get("state").asString())
                            .isEqualTo("submitted");
                }));
    }
}
