package org.insigne.web.issuer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.webhook.WebhookOutbox;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.testing.MailServer;
import org.insigne.web.testing.TestEnvironmentInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.web.issuer.ConsoleFixture.as;
import static org.insigne.web.issuer.ConsoleFixture.asMade;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks delivered for real to a receiver on loopback (allowed here, with plain http, as nowhere else): the
 * receiver checks every signature with its own implementation of the specification, answers 500 before 200
 * (the retries come, under the same webhook-id), or always fails (the endpoint is disabled and its owner mailed);
 * deliveries wait in the outbox while the sender is stopped, a row claimed by one node is not claimed by
 * another, and claims left by a dead node are sent again; only the organisation's owners and administrators
 * reach its endpoints, in the console and through the issuer API.
 * A retry schedule of milliseconds stands for the three days of production. Its own database, so that no
 * other context's sender takes these deliveries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"insigne.test.suite=webhooks", "insigne.verify.requests-per-minute=100000",
                "insigne.backpack.recheck-interval=-", "insigne.login.failures-per-client=100000",
                "insigne.webhooks.allow-loopback=true", "insigne.webhooks.allow-http=true",
                "insigne.webhooks.poll-interval=100ms", "insigne.webhooks.first-retry=200ms",
                "insigne.webhooks.max-retry-delay=400ms", "insigne.webhooks.retry-for=6s",
                "insigne.webhooks.timeout=3s"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEnvironmentInitializer.class)
class WebhookDeliveryIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired StaffService staff;
    @Autowired BadgeClassService badgeClasses;
    @Autowired AwardService awards;
    @Autowired WebhookDispatcher dispatcher;
    @Autowired TransactionTemplate transactions;
    @Autowired WebhookOutbox outbox;
    @Autowired Leases leases;
    @Autowired ApiTokenService tokens;
    @LocalServerPort int port;

    ConsoleFixture fixture;
    WebhookReceiver receiver;

    @BeforeEach
    void fixture() {
        fixture = new ConsoleFixture(mvc, jdbc, accounts, organisations, staff, badgeClasses);
    }

    @AfterEach
    void closeReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void deliversSignedEventsAndRetriesAfterFailures() throws Exception {
        receiver = new WebhookReceiver(n -> n <= 2 ? 500 : 200);
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        String secret = register(badge, "award.created", "award.revoked", "award.claimed");

        AwardView award = fixture.awardThroughForm(badge, "camille@example.org", awards, asMade());

        List<WebhookReceiver.Received> got = receiver.await(3, Duration.ofSeconds(20));
        assertThat(got).hasSize(3);
        for (WebhookReceiver.Received request : got) {
            assertThat(WebhookReceiver.verifies(request, secret)).isTrue();
            assertThat(request.header("webhook-id")).isEqualTo(got.get(0).header("webhook-id")).startsWith("msg_");
            assertThat(request.header("content-type")).startsWith("application/json");
        }
        JsonNode event = JSON.readTree(got.get(2).body());
        assertThat(event.get("type").asString()).isEqualTo("award.created");
        assertThat(event.get("data").get("awardId").asString()).isEqualTo(award.id().value().toString());
        assertThat(event.get("data").get("organisationId").asString()).isEqualTo(badge.organisation().value().toString());
        assertThat(event.get("data").get("badgeClassId").asString()).isEqualTo(badge.badgeClass().value().toString());
        assertThat(event.get("data").get("recipient").asString()).isEqualTo("c***@example.org");
        assertThat(got.get(0).text()).doesNotContain("camille@");
        assertThat(WebhookReceiver.verifies(got.get(2), "whsec_" + java.util.Base64.getEncoder()
                .encodeToString(new byte[32]))).isFalse();

        UUID endpoint = endpointId(receiver.url());
        await(() -> "DELIVERED".equals(deliveryState(endpoint, "award.created")));
        assertThat(jdbc.queryForList("select status_code from webhook_attempt where endpoint_id = ? "
                + "order by attempted_at", Integer.class, endpoint)).containsExactly(500, 500, 200);
        assertThat(jdbc.queryForObject("select attempts from webhook_delivery where endpoint_id = ?",
                Integer.class, endpoint)).isEqualTo(3);

        String page = mvc.perform(get("/console/organisations/{org}/webhooks/{e}", badge.organisation().value(), endpoint)
                .with(as(badge.owner()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("réponse HTTP 500", "réponse HTTP 200", "erreur interne &lt;b&gt;500&lt;/b&gt;", "livré")
                .doesNotContain(secret);

        // A revocation rolled back raises nothing; the one that commits is sent, then the claim.
        transactions.executeWithoutResult(tx -> {
            awards.revoke(badge.organisation(), award.id(), badge.owner().id(), "Erreur de saisie");
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where event_type = 'award.revoked'",
                Integer.class)).isZero();
        awards.markClaimed(award.id());
        awards.revoke(badge.organisation(), award.id(), badge.owner().id(), "Erreur de saisie");
        got = receiver.await(5, Duration.ofSeconds(20));
        assertThat(got.subList(3, 5)).extracting(r -> JSON.readTree(r.body()).get("type").asString())
                .containsExactlyInAnyOrder("award.claimed", "award.revoked");

        // Rotation: for a while both secrets sign every delivery.
        String rotated = mvc.perform(post("/console/organisations/{org}/webhooks/{e}/rotate", badge.organisation().value(),
                endpoint).with(as(badge.owner())).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String newSecret = secretIn(rotated);
        assertThat(newSecret).isNotEqualTo(secret);
        UUID delivery = jdbc.queryForObject("select id from webhook_delivery where endpoint_id = ? "
                + "and event_type = 'award.created'", UUID.class, endpoint);
        mvc.perform(post("/console/organisations/{org}/webhooks/{e}/deliveries/{d}/redeliver",
                badge.organisation().value(), endpoint, delivery).with(as(badge.owner())).with(csrf()))
                .andExpect(status().isFound());
        WebhookReceiver.Received again = receiver.await(6, Duration.ofSeconds(20)).get(5);
        assertThat(again.header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(again.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(WebhookReceiver.verifies(again, newSecret)).isTrue();
        assertThat(WebhookReceiver.verifies(again, secret)).isTrue();
    }

    @Test
    void managesEndpointsThroughTheApi() throws Exception {
        receiver = new WebhookReceiver(n -> 200);
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        ApiClient api = new ApiClient(port);
        String token = tokens.create(badge.organisation(), badge.owner().id(), "Tout", EnumSet.allOf(ApiScope.class),
                null).secret();

        ApiClient.Answer privateAddress = api.post("/api/v1/webhooks", token,
                "{\"url\": \"https://10.1.2.3/hook\", \"events\": [\"award.created\"]}");
        assertThat(privateAddress.status()).isEqualTo(400);
        assertThat(privateAddress.code()).isEqualTo("error.webhook.invalid.address");
        assertThat(privateAddress.json().get("detail").asString()).contains("réseau privé ou local");
        ApiClient.Answer unknownEvent = api.post("/api/v1/webhooks", token,
                "{\"url\": \"" + receiver.url() + "\", \"events\": [\"award.lost\"]}");
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.code()).isEqualTo("error.webhook.invalid.events");
        assertThat(jdbc.queryForObject("select count(*) from webhook_endpoint where organisation_id = ?",
                Integer.class, badge.organisation().value())).isZero();

        ApiClient.Answer created = api.post("/api/v1/webhooks", token,
                "{\"url\": \"" + receiver.url() + "\", \"events\": [\"award.created\"]}");
        assertThat(created.status()).as(created.response().body()).isEqualTo(201);
        String id = created.json().get("endpoint").get("id").asString();
        String secret = created.json().get("secret").asString();
        assertThat(SECRET.matcher(secret).matches()).isTrue();
        assertThat(created.header("Location")).endsWith("/api/v1/webhooks/" + id);
        ApiClient.Answer listed = api.get("/api/v1/webhooks", token);
        assertThat(listed.response().body()).contains(id, "award.created").doesNotContain(secret);
        assertThat(api.get("/api/v1/webhooks/" + id, token).json().get("enabled").asBoolean()).isTrue();

        ApiClient.Answer award = api.post("/api/v1/awards", token,
                IssuerApiIntegrationTests.award(badge.badgeClass().value(), "lou@example.org"));
        assertThat(award.status()).isEqualTo(201);
        WebhookReceiver.Received first = receiver.await(1, Duration.ofSeconds(20)).get(0);
        assertThat(WebhookReceiver.verifies(first, secret)).isTrue();
        await(() -> "delivered".equals(api.get("/api/v1/webhooks/" + id + "/deliveries", token).json()
                .path("items").path(0).path("deliveryState").asString()));
        JsonNode attempt = api.get("/api/v1/webhooks/" + id + "/deliveries", token).json().get("items").get(0);
        assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempt.get("event").asString()).isEqualTo("award.created");

        ApiClient.Answer rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", token, null);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).isNotEqualTo(secret).startsWith("whsec_");
        assertThat(rotated.json().get("endpoint").get("previousSecretUntil").isNull()).isFalse();
        String delivery = attempt.get("deliveryId").asString();
        assertThat(api.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver", token, null).status())
                .isEqualTo(202);
        WebhookReceiver.Received again = receiver.await(2, Duration.ofSeconds(20)).get(1);
        assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(WebhookReceiver.verifies(again, newSecret)).isTrue();
        assertThat(WebhookReceiver.verifies(again, secret)).isTrue();

        // Another organisation's token finds nothing, as for ids that do not exist.
        ConsoleFixture.PublishedBadge other = fixture.publishedBadge();
        String otherToken = tokens.create(other.organisation(), other.owner().id(), "Eux",
                EnumSet.allOf(ApiScope.class), null).secret();
        for (ApiClient.Answer foreign : List.of(api.get("/api/v1/webhooks/" + id, otherToken),
                api.get("/api/v1/webhooks/" + id + "/deliveries", otherToken),
                api.post("/api/v1/webhooks/" + id + "/rotate-secret", otherToken, null),
                api.post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver", otherToken, null),
                api.call("DELETE", "/api/v1/webhooks/" + id, otherToken, null, null),
                api.post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver", token, null),
                api.get("/api/v1/webhooks/" + UUID.randomUUID(), token))) {
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("error.webhook.not-found");
        }
        assertThat(api.get("/api/v1/webhooks", otherToken).json().get("total").asInt()).isZero();

        assertThat(api.call("DELETE", "/api/v1/webhooks/" + id, token, null, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void disablesAnEndpointThatKeepsFailingAndMailsTheOwner() throws Exception {
        receiver = new WebhookReceiver(n -> 503);
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        register(badge, "award.created");
        UUID endpoint = endpointId(receiver.url());

        fixture.awardThroughForm(badge, "dominique@example.org", awards, asMade());

        await(() -> jdbc.queryForObject("select disabled_at is not null from webhook_endpoint where id = ?",
                Boolean.class, endpoint));
        assertThat(deliveryState(endpoint, "award.created")).isEqualTo("FAILED");
        int attempts = receiver.received().size();
        assertThat(attempts).isGreaterThanOrEqualTo(3);
        // The first mail was the confirmation of the address.
        MimeMessage mail = MailServer.awaitMail(badge.owner().email(), 2, Duration.ofSeconds(20));
        assertThat(mail.getSubject()).isEqualTo("Webhook désactivé pour Ligue de l'enseignement");
        assertThat(MailServer.body(mail).replace("=\r\n", "")).contains(receiver.url());
        assertThat(MailServer.link(mail, "/webhooks")).endsWith("/console/organisations/" + badge.organisation().value()
                + "/webhooks");

        // Disabled: a new award queues nothing for it, and nothing more is sent.
        fixture.awardThroughForm(badge, "sacha@example.org", awards, asMade());
        Thread.sleep(500);
        assertThat(receiver.received()).hasSize(attempts);
        String page = mvc.perform(get("/console/organisations/{org}/webhooks", badge.organisation().value())
                .with(as(badge.owner()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("les envois ont échoué pendant trois jours");
    }

    @Test
    void pendingDeliveriesWaitWhileTheSenderIsStoppedAndDeadNodesClaimsAreSentAgain() throws Exception {
        receiver = new WebhookReceiver(n -> 204);
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        String secret = register(badge, "award.created");
        UUID endpoint = endpointId(receiver.url());

        dispatcher.stop();
        try {
            fixture.awardThroughForm(badge, "alex@example.org", awards, asMade());
            fixture.awardThroughForm(badge, "noa@example.org", awards, asMade());
            // One of them was claimed by a node that died before sending it.
            jdbc.update("update webhook_delivery set claimed_by = 'node-mort', claimed_at = now() where id = "
                    + "(select id from webhook_delivery where endpoint_id = ? limit 1)", endpoint);
            // A row claimed by one node is not claimed by another until given back.
            assertThat(outbox.claim(leases.node(), 10)).hasSize(1);
            assertThat(outbox.claim("autre-noeud", 10)).isEmpty();
            assertThat(outbox.release(leases.node())).isEqualTo(1);
            Thread.sleep(600);
            assertThat(receiver.received()).isEmpty();
            assertThat(jdbc.queryForList("select state from webhook_delivery where endpoint_id = ?", String.class,
                    endpoint)).containsExactly("PENDING", "PENDING");
        } finally {
            dispatcher.start();
        }
        List<WebhookReceiver.Received> got = receiver.await(2, Duration.ofSeconds(20));
        assertThat(got).allSatisfy(r -> assertThat(WebhookReceiver.verifies(r, secret)).isTrue());
        await(() -> jdbc.queryForObject("select count(*) from webhook_delivery where endpoint_id = ? and state = "
                + "'DELIVERED' and claimed_by is null", Integer.class, endpoint) == 2);
    }

    @Test
    void refusesPrivateAddressesWithAClearMessageAndStoresNothing() throws Exception {
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        for (String url : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
                "https://[fd00::1]/hook", "https://192.168.1.20:8443/hook", "https://0x0a000001/hook")) {
            String page = mvc.perform(post("/console/organisations/{org}/webhooks", badge.organisation().value())
                            .with(as(badge.owner())).with(csrf()).param("url", url).param("events", "award.created"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(url).contains("Cette adresse mène à un réseau privé ou local", "aria-invalid=\"true\"");
        }
        String page = mvc.perform(post("/console/organisations/{org}/webhooks", badge.organisation().value())
                        .with(as(badge.owner())).with(csrf()).param("url", "ftp://example.org/hook"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Donnez une adresse web complète", "Choisissez au moins un événement");
        assertThat(jdbc.queryForObject("select count(*) from webhook_endpoint where organisation_id = ?",
                Integer.class, badge.organisation().value())).isZero();
    }

    @Test
    void onlyOwnersAndAdministratorsOfTheOrganisationReachItsEndpoints() throws Exception {
        ConsoleFixture.PublishedBadge badge = fixture.publishedBadge();
        var awarder = fixture.account("Awarder");
        fixture.join(badge.organisation(), badge.owner(), awarder, StaffRole.AWARDER);
        var stranger = fixture.account("Stranger");
        var own = fixture.organisation(stranger, "Autre association");
        mvc.perform(post("/console/organisations/{org}/webhooks", badge.organisation().value())
                        .with(as(badge.owner())).with(csrf()).param("url", "https://93.184.215.14/hook")
                        .param("events", "award.revoked"))
                .andExpect(status().isOk());
        UUID endpoint = endpointId("https://93.184.215.14/hook");
        String org = badge.organisation().value().toString();

        for (String path : List.of("/console/organisations/" + org + "/webhooks",
                "/console/organisations/" + org + "/webhooks/" + endpoint)) {
            mvc.perform(get(path).with(as(awarder))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(stranger))).andExpect(status().isNotFound());
        }
        for (String action : List.of("rotate", "disable", "delete")) {
            mvc.perform(post("/console/organisations/{org}/webhooks/{e}/" + action, org, endpoint)
                    .with(as(awarder)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/console/organisations/{org}/webhooks", org).with(as(stranger)).with(csrf())
                .param("url", "https://93.184.215.15/hook").param("events", "award.created"))
                .andExpect(status().isNotFound());
        // Another organisation's endpoint is not found under the stranger's own organisation either.
        mvc.perform(get("/console/organisations/{org}/webhooks/{e}", own.value(), endpoint).with(as(stranger)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select disabled_at is null from webhook_endpoint where id = ?", Boolean.class,
                endpoint)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from webhook_endpoint where url like 'https://93.184.215.1%'",
                Integer.class)).isEqualTo(1);
    }

    /** Registers the receiver through the console form, as the owner; answers the secret shown once. */
    private String register(ConsoleFixture.PublishedBadge badge, String... events) throws Exception {
        var request = post("/console/organisations/{org}/webhooks", badge.organisation().value())
                .with(as(badge.owner())).with(csrf()).param("url", receiver.url());
        for (String event : events) {
            request.param("events", event);
        }
        return secretIn(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String secretIn(String page) {
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("a secret in the page").isTrue();
        return m.group();
    }

    private UUID endpointId(String url) {
        return jdbc.queryForObject("select id from webhook_endpoint where url = ?", UUID.class, url);
    }

    private String deliveryState(UUID endpoint, String type) {
        return jdbc.queryForObject("select state from webhook_delivery where endpoint_id = ? and event_type = ? "
                + "order by created_at limit 1", String.class, endpoint, type);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
