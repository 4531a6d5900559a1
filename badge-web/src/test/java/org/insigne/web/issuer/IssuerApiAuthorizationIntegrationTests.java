package org.insigne.web.issuer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every issuer API operation against every scope, as the console's role tests do for roles: a token without the
 * operation's scope gets 403, one with it gets through; another organisation's ids are 404, exactly as ids that
 * do not exist; a token acts with its creator's role, so an awarder's token cannot revoke whatever its scopes.
 */
@InsigneIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuerApiAuthorizationIntegrationTests {

    /** One operation: method, path with {bc} (badge class) and {award} placeholders, body, scope it needs. */
    record Operation(String method, String path, String body, ApiScope scope) {

        String on(UUID badgeClass, UUID award) {
            return path.replace("{bc}", badgeClass.toString()).replace("{award}", award.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String BADGE_CLASS = """
            {"name": "Accueillir", "description": "Savoir accueillir.", "criteria": "Avoir accueilli.", "image": "%s"}"""
            .formatted(IssuerApiIntegrationTests.PNG_BASE64);
    static final String AWARD = """
            {"badgeClass": "{bc}", "recipient": {"email": "matrice@example.org", "name": "Alex"}, "level": "Je fais"}""";
    static final String BULK = """
            {"badgeClass": "{bc}", "awards": [{"recipient": {"email": "lot@example.org", "name": "Alex"}, "level": "Je fais"}]}""";

    static final List<Operation> OPERATIONS = List.of(
            new Operation("GET", "/api/v1/badge-classes", null, ApiScope.READ),
            new Operation("GET", "/api/v1/badge-classes/{bc}", null, ApiScope.READ),
            new Operation("POST", "/api/v1/badge-classes", BADGE_CLASS, ApiScope.MANAGE),
            new Operation("PUT", "/api/v1/badge-classes/{bc}", BADGE_CLASS, ApiScope.MANAGE),
            new Operation("POST", "/api/v1/badge-classes/{bc}/publish", null, ApiScope.MANAGE),
            new Operation("POST", "/api/v1/badge-classes/{bc}/archive", null, ApiScope.MANAGE),
            new Operation("GET", "/api/v1/awards", null, ApiScope.READ),
            new Operation("GET", "/api/v1/awards/{award}", null, ApiScope.READ),
            new Operation("POST", "/api/v1/awards", AWARD, ApiScope.AWARD),
            new Operation("POST", "/api/v1/awards/{award}/revoke", "{\"reason\": \"Erreur\"}", ApiScope.REVOKE),
            new Operation("POST", "/api/v1/bulk-awards", BULK, ApiScope.AWARD),
            new Operation("GET", "/api/v1/activity", null, ApiScope.READ));

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired ApiTokenService tokens;

    ApiClient api;
    ConsoleFixture fixture;
    ConsoleFixture.PublishedBadge mine;
    ConsoleFixture.PublishedBadge theirs;
    UUID theirAward;
    String theirToken;

    @BeforeAll
    void twoOrganisations() throws Exception {
        api = new ApiClient(port);
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
        mine = fixture.publishedBadge();
        theirs = fixture.publishedBadge();
        theirAward = awardIn(theirs);
        theirToken = tokens.create(theirs.organisation(), theirs.owner().id(), "Eux", EnumSet.allOf(ApiScope.class), null)
                .secret();
    }

    private UUID awardIn(ConsoleFixture.PublishedBadge badge) {
        return awards.award(badge.organisation(), badge.badgeClass(), badge.owner().id(), new AwardRequest(UUID.randomUUID(),
                "cible." + UUID.randomUUID() + "@example.org", "Cible", "Je fais", null, null, null),
                new HostedUrls("http://localhost")).id().value();
    }

    private ApiClient.Answer call(Operation op, String token, UUID badgeClass, UUID award) {
        String body = op.body() == null ? null : op.body().replace("{bc}", badgeClass.toString());
        return api.call(op.method(), op.on(badgeClass, award), token, body == null ? null : "application/json", body);
    }

    @TestFactory
    Stream<DynamicTest> eachOperationNeedsItsScope() {
        return OPERATIONS.stream().flatMap(op -> Stream.of(
                DynamicTest.dynamicTest(op + " without " + op.scope().code() + " is 403", () -> {
                    Set<ApiScope> others = EnumSet.complementOf(EnumSet.of(op.scope()));
                    String token = tokens.create(mine.organisation(), mine.owner().id(), "Sans", others, null).secret();
                    ApiClient.Answer answer = call(op, token, mine.badgeClass().value(), awardIn(mine));
                    assertThat(answer.status()).isEqualTo(403);
                    assertThat(answer.code()).isEqualTo("api.auth.scope-missing");
                }),
                DynamicTest.dynamicTest(op + " with only " + op.scope().code() + " goes through", () -> {
                    String token = tokens.create(mine.organisation(), mine.owner().id(), "Avec", Set.of(op.scope()), null)
                            .secret();
                    // A fresh draft to publish or archive, so that each operation meets the state it needs.
                    UUID badgeClass = op.path().endsWith("/publish") || op.path().endsWith("/archive")
                            ? fixture.draft(mine.organisation(), mine.owner()).value() : mine.badgeClass().value();
                    ApiClient.Answer answer = call(op, token, badgeClass, awardIn(mine));
                    assertThat(answer.status()).as(answer.response().body()).isBetween(200, 202);
                })));
    }

    @TestFactory
    Stream<DynamicTest> anotherOrganisationsIdsAreNotFound() {
        return OPERATIONS.stream().filter(op -> op.path().contains("{") || op.body() != null && op.body().contains("{bc}"))
                .map(op -> DynamicTest.dynamicTest(op + " on another organisation's ids is 404", () -> {
                    ApiClient.Answer answer = call(op, theirToken, mine.badgeClass().value(), awardIn(mine));
                    assertThat(answer.status()).as(answer.response().body()).isEqualTo(404);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    ApiClient.Answer unknown = call(op, theirToken, UUID.randomUUID(), UUID.randomUUID());
                    assertThat(unknown.status()).isEqualTo(404);
                    assertThat(unknown.code()).isEqualTo(answer.code());
                }));
    }

    @Test
    void anotherOrganisationsAwardsAreNotListed() {
        String listed = api.get("/api/v1/awards?size=100", theirToken).response().body();
        assertThat(listed).contains(theirAward.toString()).doesNotContain(mine.organisation().value().toString());
        assertThat(api.get("/api/v1/awards?badgeClass=" + mine.badgeClass().value(), theirToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/bulk-awards/" + UUID.randomUUID(), theirToken).status()).isEqualTo(404);
    }

    @Test
    void aTokenActsWithItsCreatorsRole() throws Exception {
        AccountUser admin = fixture.account("Admin");
        fixture.join(mine.organisation(), mine.owner(), admin, StaffRole.ADMIN);
        String token = tokens.create(mine.organisation(), admin.id(), "Admin", EnumSet.allOf(ApiScope.class), null).secret();
        staff.changeRole(mine.organisation(), mine.owner().id(), admin.id(), StaffRole.AWARDER);
        ApiClient.Answer revoke = api.post("/api/v1/awards/" + awardIn(mine) + "/revoke", token, "{\"reason\": \"Erreur\"}");
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(revoke.code()).isEqualTo("error.organisation.role-insufficient");
        assertThat(api.post("/api/v1/awards", token, AWARD.replace("{bc}", mine.badgeClass().value().toString())).status())
                .isEqualTo(201);
    }
}
