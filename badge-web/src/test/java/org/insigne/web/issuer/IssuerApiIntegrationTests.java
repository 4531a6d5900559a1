package org.insigne.web.issuer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenIssued;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.apitoken.ApiTokenView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer API over real HTTP: each operation, idempotent awards, paging links at the edges, bulk jobs, the
 * activity log, tokens that no longer work, problem answers in French and English, the rate limit, and the
 * OpenAPI document.
 */
@InsigneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuerApiIntegrationTests {

    static final String PNG_BASE64 = Base64.getEncoder().encodeToString(ConsoleFixture.PNG_BYTES);

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired ApiTokenService tokens;

    ApiClient api;
    ConsoleFixture.PublishedBadge badge;
    String token;

    @BeforeAll
    void organisationWithAToken() throws Exception {
        api = new ApiClient(port);
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        badge = fixture.publishedBadge();
        token = tokens.create(badge.organisation(), badge.owner().id(), "Tout", EnumSet.allOf(ApiScope.class), null)
                .secret();
    }

    static String award(UUID badgeClass, String email) {
        return """
                {"badgeClass": "%s", "recipient": {"email": "%s", "name": "Camille Martin"}, "level": "Je fais",
                 "evidence": {"narrative": "A animé trois réunions."}}""".formatted(badgeClass, email);
    }

    @Test
    void createsEditsPublishesAndArchivesABadgeClass() {
        ApiClient.Answer created = api.post("/api/v1/badge-classes", token, """
                {"name": "Tenir la caisse", "description": "Savoir tenir la caisse.", "criteria": "Avoir tenu **deux** caisses.",
                 "tags": ["gestion"], "image": "%s"}""".formatted(PNG_BASE64));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/badge-classes/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        assertThat(created.json().get("levels").toString()).contains("Je fais");

        assertThat(api.get("/api/v1/badge-classes/" + id, token).json().get("name").asString()).isEqualTo("Tenir la caisse");
        assertThat(api.get("/api/v1/badge-classes", token).json().get("items").toString()).contains(id);

        ApiClient.Answer edited = api.put("/api/v1/badge-classes/" + id, token, """
                {"name": "Tenir une caisse", "description": "Savoir tenir la caisse.", "criteria": "Avoir tenu deux caisses.",
                 "levels": ["Débutant", "Confirmé"]}""");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("Tenir une caisse");
        assertThat(edited.json().get("levels").toString()).isEqualTo("[\"Débutant\",\"Confirmé\"]");

        assertThat(api.post("/api/v1/badge-classes/" + id + "/publish", token, null).json().get("status").asString())
                .isEqualTo("published");
        ApiClient.Answer again = api.post("/api/v1/badge-classes/" + id + "/publish", token, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("error.badge-class.status.publish");
        assertThat(api.post("/api/v1/badge-classes/" + id + "/archive", token, null).json().get("status").asString())
                .isEqualTo("archived");
        ApiClient.Answer archived = api.put("/api/v1/badge-classes/" + id, token, """
                {"name": "X", "description": "Y", "criteria": "Z"}""");
        assertThat(archived.status()).isEqualTo(409);
        assertThat(archived.code()).isEqualTo("error.badge-class.status.edit");
    }

    @Test
    void refusesABadgeClassWithoutImageOrWithBadValues() {
        ApiClient.Answer noImage = api.post("/api/v1/badge-classes", token, """
                {"name": "A", "description": "B", "criteria": "C"}""");
        assertThat(noImage.status()).isEqualTo(400);
        assertThat(noImage.code()).isEqualTo("api.badge-class.image-missing");
        ApiClient.Answer noName = api.post("/api/v1/badge-classes", token, """
                {"description": "B", "criteria": "C", "image": "%s"}""".formatted(PNG_BASE64));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.code()).isEqualTo("error.badge-class.name");
        ApiClient.Answer badImage = api.post("/api/v1/badge-classes", token, """
                {"name": "A", "description": "B", "criteria": "C", "image": "%s"}"""
                .formatted(Base64.getEncoder().encodeToString("pas une image".getBytes())));
        assertThat(badImage.status()).isEqualTo(400);
        assertThat(badImage.contentType()).startsWith("application/problem+json");
    }

    @Test
    void awardsOnceForOneIdempotencyKey() {
        String body = award(badge.badgeClass().value(), "idem@example.org");
        String key = "moodle-" + UUID.randomUUID();
        ApiClient.Answer first = api.post("/api/v1/awards", token, body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(first.json().get("state").asString()).isEqualTo("active");
        assertThat(first.json().get("recipient").get("email").asString()).isEqualTo("idem@example.org");
        assertThat(first.json().get("assertionUrl").asString()).endsWith("/ob2/assertions/" + id);

        ApiClient.Answer replay = api.post("/api/v1/awards", token, body, "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("id").asString()).isEqualTo(id);

        ApiClient.Answer other = api.post("/api/v1/awards", token, award(badge.badgeClass().value(), "autre@example.org"),
                "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("error.award.request-key-reused");
        assertThat(jdbc.queryForObject("select count(*) from award where recipient_email in ('idem@example.org', 'autre@example.org')",
                Integer.class)).isEqualTo(1);

        ApiClient.Answer badKey = api.post("/api/v1/awards", token, body, "Idempotency-Key", "k".repeat(256));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.code()).isEqualTo("api.award.idempotency-key-invalid");
    }

    @Test
    void readsListsAndRevokesAwards() {
        String id = api.post("/api/v1/awards", token, award(badge.badgeClass().value(), "lire@example.org"))
                .json().get("id").asString();
        ApiClient.Answer read = api.get("/api/v1/awards/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("evidence").get("narrative").asString()).isEqualTo("A animé trois réunions.");
        assertThat(read.header("Set-Cookie")).as("stateless: no session").isNull();

        ApiClient.Answer noReason = api.post("/api/v1/awards/" + id + "/revoke", token, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("error.award.invalid.reason");
        ApiClient.Answer revoked = api.post("/api/v1/awards/" + id + "/revoke", token, "{\"reason\": \"Erreur de saisie\"}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("revoked");
        assertThat(revoked.json().get("revocationReason").asString()).isEqualTo("Erreur de saisie");
        assertThat(api.post("/api/v1/awards/" + id + "/revoke", token, "{\"reason\": \"encore\"}").status()).isEqualTo(409);

        JsonNode revokedOnes = api.get("/api/v1/awards?state=revoked&badgeClass=" + badge.badgeClass().value(), token).json();
        assertThat(revokedOnes.get("items").toString()).contains(id);
        assertThat(api.get("/api/v1/awards?state=active", token).json().get("items").toString()).doesNotContain(id);
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        assertThat(api.get("/api/v1/awards?since=" + future, token).json().get("total").asLong()).isZero();
    }

    @Test
    void pagesWithLinksRightAtTheEdges() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        ConsoleFixture.PublishedBadge own = fixture.publishedBadge();
        String ownToken = tokens.create(own.organisation(), own.owner().id(), "Pages", Set.of(ApiScope.READ, ApiScope.AWARD), null).secret();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/awards", ownToken, award(own.badgeClass().value(), "p" + i + "@example.org")).status())
                    .isEqualTo(201);
        }
        ApiClient.Answer first = api.get("/api/v1/awards?state=active&size=2", ownToken);
        assertThat(first.header("X-Total-Count")).isEqualTo("5");
        assertThat(first.json().get("total").asLong()).isEqualTo(5);
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(first.json().get("items").get(0).get("recipient").get("email").asString()).isEqualTo("p4@example.org");
        assertThat(links(first)).containsExactly(Map.entry("first", 1), Map.entry("next", 2), Map.entry("last", 3));
        assertThat(first.header("Link")).startsWith("<http://127.0.0.1:" + port + "/api/v1/awards?")
                .contains("state=active").contains("size=2");
        ApiClient.Answer middle = api.get("/api/v1/awards?state=active&size=2&page=2", ownToken);
        assertThat(links(middle)).containsExactly(Map.entry("first", 1), Map.entry("prev", 1), Map.entry("next", 3),
                Map.entry("last", 3));
        ApiClient.Answer last = api.get("/api/v1/awards?state=active&size=2&page=3", ownToken);
        assertThat(last.json().get("items")).hasSize(1);
        assertThat(last.json().get("items").get(0).get("recipient").get("email").asString()).isEqualTo("p0@example.org");
        assertThat(links(last)).containsExactly(Map.entry("first", 1), Map.entry("prev", 2), Map.entry("last", 3));
        ApiClient.Answer beyond = api.get("/api/v1/awards?state=active&size=2&page=9", ownToken);
        assertThat(beyond.json().get("items")).isEmpty();
        assertThat(links(beyond)).containsExactly(Map.entry("first", 1), Map.entry("prev", 3), Map.entry("last", 3));
        ApiClient.Answer one = api.get("/api/v1/awards?size=100", ownToken);
        assertThat(links(one)).containsExactly(Map.entry("first", 1), Map.entry("last", 1));
        ApiClient.Answer none = api.get("/api/v1/awards?state=revoked", ownToken);
        assertThat(none.json().get("total").asLong()).isZero();
        assertThat(links(none)).containsExactly(Map.entry("first", 1), Map.entry("last", 1));

        for (String bad : List.of("page=0", "size=101", "size=abc", "page=-1")) {
            ApiClient.Answer refused = api.get("/api/v1/awards?" + bad, ownToken);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("api.paging.invalid");
        }
    }

    @Test
    void bulkAwardsFromJsonAndCsvAsJobs() throws Exception {
        ApiClient.Answer started = api.post("/api/v1/bulk-awards", token, """
                {"badgeClass": "%s", "awards": [
                  {"recipient": {"email": "lot1@example.org", "name": "Lou Un"}, "level": "Je fais"},
                  {"recipient": {"email": "lot2@example.org", "name": "Lou Deux"}, "level": "Je pilote", "issuedOn": "2026-11-02"},
                  {"recipient": {"email": "pas-une-adresse", "name": "Lou Trois"}, "level": "Je fais"}]}"""
                .formatted(badge.badgeClass().value()), "Accept-Language", "en");
        assertThat(started.status()).isEqualTo(202);
        String job = started.json().get("id").asString();
        assertThat(started.header("Location")).endsWith("/api/v1/bulk-awards/" + job);
        JsonNode done = awaitDone(job);
        assertThat(done.get("total").asInt()).isEqualTo(3);
        assertThat(done.get("issued").asInt()).isEqualTo(2);
        assertThat(done.get("invalid").asInt()).isEqualTo(1);
        JsonNode invalidRow = done.get("rows").get(2);
        assertThat(invalidRow.get("status").asString()).isEqualTo("invalid");
        assertThat(invalidRow.get("errors").get(0).get("code").asString()).isNotBlank();

        ApiClient.Answer csv = api.call("POST", "/api/v1/bulk-awards?badgeClass=" + badge.badgeClass().value(), token,
                "text/csv", "courriel;nom;niveau\ncsv1@example.org;Sam Csv;Je fais\n");
        assertThat(csv.status()).isEqualTo(202);
        assertThat(awaitDone(csv.json().get("id").asString()).get("issued").asInt()).isEqualTo(1);

        ApiClient.Answer noColumns = api.call("POST", "/api/v1/bulk-awards?badgeClass=" + badge.badgeClass().value(), token,
                "text/csv", "a;b\n1;2\n");
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(noColumns.code()).isEqualTo("error.bulk.csv.missing-columns");
    }

    /** The page number each link relation points to, in the header's order. */
    private static Map<String, Integer> links(ApiClient.Answer answer) {
        Map<String, Integer> links = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<[^>]*[?&]page=(\\d+)[^>]*>; rel=\"(\\w+)\"").matcher(answer.header("Link"));
        while (m.find()) {
            links.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        return links;
    }

    private JsonNode awaitDone(String job) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            JsonNode state = api.get("/api/v1/bulk-awards/" + job, token).json();
            if (state.get("status").asString().equals("done")) {
                return state;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("bulk job " + job + " not done within a minute");
    }

    @Test
    void readsTheActivityLog() {
        api.post("/api/v1/awards", token, award(badge.badgeClass().value(), "journal@example.org"));
        ApiClient.Answer all = api.get("/api/v1/activity?size=5", token);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("items").size()).isBetween(1, 5);
        assertThat(all.header("Link")).contains("rel=\"first\"");
        ApiClient.Answer awards = api.get("/api/v1/activity?action=award_created", token);
        assertThat(awards.json().get("items").get(0).get("action").asString()).isEqualTo("award_created");
        assertThat(awards.json().get("items").get(0).get("detail").toString()).contains("j***@example.org")
                .doesNotContain("journal@example.org");
        assertThat(api.get("/api/v1/activity?action=nothing", token).code()).isEqualTo("api.parameter.invalid");
    }

    @Test
    void refusesMissingRevokedAndExpiredTokens() {
        ApiClient.Answer none = api.get("/api/v1/awards", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("api.auth.missing");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.get("/api/v1/awards", null, "Authorization", "Basic YTpi").code()).isEqualTo("api.auth.not-bearer");
        assertThat(api.get("/api/v1/awards", "insg_" + "A".repeat(43)).code()).isEqualTo("api.auth.invalid");

        ApiTokenIssued revoked = tokens.create(badge.organisation(), badge.owner().id(), "Révoqué", Set.of(ApiScope.READ), null);
        assertThat(api.get("/api/v1/awards", revoked.secret()).status()).isEqualTo(200);
        tokens.revoke(badge.organisation(), badge.owner().id(), revoked.token().id());
        ApiClient.Answer afterRevoke = api.get("/api/v1/awards", revoked.secret());
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.code()).isEqualTo("api.auth.invalid");

        ApiTokenIssued expiring = tokens.create(badge.organisation(), badge.owner().id(), "Expire", Set.of(ApiScope.READ),
                LocalDate.now().plusDays(3));
        assertThat(api.get("/api/v1/awards", expiring.secret()).status()).isEqualTo(200);
        jdbc.update("update api_token set expires_at = now() - interval '1 second' where id = ?", expiring.token().id().value());
        assertThat(api.get("/api/v1/awards", expiring.secret()).status()).isEqualTo(401);
    }

    @Test
    void storesOnlyTheHashAndRecordsLastUse() {
        ApiTokenIssued issued = tokens.create(badge.organisation(), badge.owner().id(), "Haché", Set.of(ApiScope.READ), null);
        assertThat(issued.secret()).startsWith("insg_").hasSize(5 + 43);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? or hint = ?", Integer.class,
                issued.secret(), issued.secret())).isZero();
        assertThat(issued.token().lastUsedAt()).isNull();
        api.get("/api/v1/badge-classes", issued.secret());
        Instant firstUse = lastUsed(issued);
        assertThat(firstUse).isNotNull();
        api.get("/api/v1/badge-classes", issued.secret());
        assertThat(lastUsed(issued)).as("written at most once a minute").isEqualTo(firstUse);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject_id = ? and action = 'API_TOKEN_CREATED'",
                Integer.class, issued.token().id().value())).isEqualTo(1);
    }

    private Instant lastUsed(ApiTokenIssued issued) {
        return tokens.tokens(badge.organisation(), badge.owner().id()).stream()
                .filter(t -> t.id().equals(issued.token().id())).map(ApiTokenView::lastUsedAt).findFirst().orElseThrow();
    }

    @Test
    void stopsWorkingWhenItsCreatorLeaves() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        AccountUser admin = fixture.account("Admin");
        fixture.join(badge.organisation(), badge.owner(), admin, StaffRole.ADMIN);
        String adminToken = tokens.create(badge.organisation(), admin.id(), "Admin", Set.of(ApiScope.READ), null).secret();
        assertThat(api.get("/api/v1/awards", adminToken).status()).isEqualTo(200);
        staff.remove(badge.organisation(), badge.owner().id(), admin.id());
        assertThat(api.get("/api/v1/awards", adminToken).code()).isEqualTo("api.auth.invalid");
    }

    @Test
    void answersProblemsInFrenchByDefaultAndInEnglish() {
        ApiClient.Answer malformed = api.post("/api/v1/awards", token, "{\"badgeClass\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.code()).isEqualTo("api.body.malformed-json");
        assertThat(malformed.json().get("detail").asString()).startsWith("Le corps de la requête n'est pas un JSON valide");
        ApiClient.Answer english = api.post("/api/v1/awards", token, "{\"badgeClass\": ", "Accept-Language", "en");
        assertThat(english.json().get("detail").asString()).startsWith("The request body is not valid JSON");
        assertThat(english.json().get("title").asString()).isNotEqualTo(malformed.json().get("title").asString());

        ApiClient.Answer unknown = api.post("/api/v1/awards", token, "{\"badgeClass\": \"%s\", \"recipeint\": {}}"
                .formatted(badge.badgeClass().value()), "Accept-Language", "en");
        assertThat(unknown.code()).isEqualTo("api.body.unknown-field");
        assertThat(unknown.json().get("detail").asString()).isEqualTo("The field \"recipeint\" is not known to this operation.");
        ApiClient.Answer nested = api.post("/api/v1/awards", token, "{\"recipient\": {\"email\": 3, \"nom\": \"x\"}}");
        assertThat(nested.code()).isEqualTo("api.body.unknown-field");
        assertThat(nested.json().get("detail").asString()).isEqualTo("Le champ « recipient.nom » n'est pas reconnu par cette opération.");
        ApiClient.Answer badUuid = api.post("/api/v1/awards", token, "{\"badgeClass\": \"pas-un-uuid\"}");
        assertThat(badUuid.code()).isEqualTo("api.body.invalid-value");
        assertThat(badUuid.json().get("detail").asString()).contains("badgeClass");
        ApiClient.Answer array = api.post("/api/v1/awards", token, "[1, 2]");
        assertThat(array.code()).isEqualTo("api.body.not-an-object");
        ApiClient.Answer empty = api.post("/api/v1/awards", token, "");
        assertThat(empty.code()).isEqualTo("api.body.missing");

        ApiClient.Answer badId = api.get("/api/v1/awards/42", token, "Accept-Language", "en");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.code()).isEqualTo("api.parameter.invalid");
        assertThat(badId.json().get("detail").asString()).isEqualTo("The value of the \"id\" parameter is not recognised.");
        ApiClient.Answer badState = api.get("/api/v1/awards?state=perdu", token);
        assertThat(badState.code()).isEqualTo("api.parameter.invalid");
        assertThat(badState.json().get("detail").asString()).isEqualTo("La valeur du paramètre « state » n'est pas reconnue.");
        assertThat(api.get("/api/v1/awards?since=hier", token).code()).isEqualTo("api.parameter.invalid");

        ApiClient.Answer unknownAward = api.get("/api/v1/awards/" + UUID.randomUUID(), token, "Accept-Language", "en");
        assertThat(unknownAward.status()).isEqualTo(404);
        assertThat(unknownAward.code()).isEqualTo("error.award.not-found");
        assertThat(unknownAward.json().get("title").asString()).isEqualTo("Not found");

        ApiClient.Answer xml = api.call("POST", "/api/v1/awards", token, "application/xml", "<award/>");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.code()).isEqualTo("unsupported-media-type");
        ApiClient.Answer delete = api.call("DELETE", "/api/v1/awards", token, null, null);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.code()).isEqualTo("method-not-allowed");
        assertThat(delete.contentType()).startsWith("application/problem+json");
    }

    @Test
    void limitsCallsPerToken() {
        String limited = tokens.create(badge.organisation(), badge.owner().id(), "Limité", Set.of(ApiScope.READ), null).secret();
        String path = "/api/v1/badge-classes/" + UUID.randomUUID();
        ApiClient.Answer answer = null;
        // 600 a minute; the window may turn over once while counting, hence up to twice that.
        for (int i = 0; i < 1300; i++) {
            answer = api.get(path, limited);
            if (answer.status() == 429) {
                break;
            }
            assertThat(answer.status()).isEqualTo(404);
        }
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.code()).isEqualTo("api.rate-limited");
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.get(path, token).status()).as("another token is not limited").isEqualTo(404);
    }

    @Test
    void describesItselfInOpenApi() {
        ApiClient.Answer openapi = api.get("/api/v1/openapi.json", null);
        assertThat(openapi.status()).isEqualTo(200);
        JsonNode doc = openapi.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/awards", "/api/v1/awards/{id}",
                "/api/v1/awards/{id}/revoke", "/api/v1/badge-classes", "/api/v1/badge-classes/{id}",
                "/api/v1/badge-classes/{id}/publish", "/api/v1/badge-classes/{id}/archive", "/api/v1/bulk-awards",
                "/api/v1/bulk-awards/{id}", "/api/v1/activity", "/api/v1/verifications");
        assertThat(doc.get("paths").get("/api/v1/awards").get("post").get("requestBody").toString()).contains("AwardInput");
        ApiClient.Answer page = api.get("/api/v1/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().body()).contains("POST /api/v1/awards", "GET /api/v1/activity", "/api/v1/openapi.json");
    }
}
