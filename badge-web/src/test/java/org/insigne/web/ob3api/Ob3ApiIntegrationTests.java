package org.insigne.web.ob3api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.web.privacy.DataRightsService;
import org.insigne.web.system.RateLimits;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Open Badges 3.0 API driven as a consumer platform drives it, over real HTTP: discovery, registration,
 * authorization with PKCE and the earner's consent, tokens, credentials, profile, refresh and revocation,
 * and each refusal the spec asks for.
 */
@InsigneIntegrationTest
class Ob3ApiIntegrationTests {

    static final String PASSWORD = "une phrase de passe solide";
    static final String ALL_SCOPES = String.join(" ", Ob3Scopes.ALL);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataRightsService dataRights;

    @Autowired
    RateLimits limits;

    @Autowired
    ExpiredGrantsCleanup cleanup;

    final Ob3TestCredentials credentials = new Ob3TestCredentials();

    /** A registered client: its id and secret. */
    record Client(String id, String secret) {
    }

    /** Tokens from the token endpoint. */
    record Tokens(String access, String refresh) {
    }

    String earner(Ob3Consumer consumer) throws Exception {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        consumer.signUp(email, "Camille Martin", PASSWORD);
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        assertThat(consumer.logIn(email, PASSWORD).statusCode()).isEqualTo(302);
        return email;
    }

    Client register(Ob3Consumer consumer, String scope) throws Exception {
        HttpResponse<String> registered = consumer.post(Ob3Api.REGISTRATION,
                Ob3Consumer.JSON.writeValueAsString(Ob3Consumer.registration(scope)),
                "Content-Type", "application/json");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode client = Ob3Consumer.json(registered);
        return new Client(client.get("client_id").asString(), client.get("client_secret").asString());
    }

    String authorizeUrl(Client client, String scope, Ob3Consumer.Pkce pkce, String method) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.id());
        query.put("redirect_uri", Ob3Consumer.REDIRECT);
        query.put("scope", scope);
        query.put("state", "etat-123");
        if (pkce != null) {
            query.put("code_challenge", method.equals("plain") ? pkce.verifier() : pkce.challenge());
            query.put("code_challenge_method", method);
        }
        return "/oauth2/authorize?" + Ob3Consumer.encode(query);
    }

    /** Signed in already: asks for a code, consents on the page, answers the code the client receives. */
    String code(Ob3Consumer consumer, Client client, String scope, Ob3Consumer.Pkce pkce) throws Exception {
        HttpResponse<String> toConsent = consumer.get(authorizeUrl(client, scope, pkce, "S256"));
        assertThat(toConsent.statusCode()).isEqualTo(302);
        String consentUrl = toConsent.headers().firstValue("Location").orElseThrow();
        assertThat(consentUrl).contains("/oauth2/consent");
        HttpResponse<String> consent = consumer.get(consentUrl);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Sac Exemple").contains("https://consumer.example/logo.png")
                .contains("https://consumer.example/terms").contains("https://consumer.example/privacy");
        assertThat(consent.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data: https://consumer.example")
                .contains("form-action 'self' https://consumer.example");
        StringBuilder fields = new StringBuilder(Ob3Consumer.encode(Map.of("client_id", client.id(),
                "state", Ob3Consumer.hidden(consent.body(), "state"))));
        for (String each : scope.split(" ")) {
            fields.append("&scope=").append(java.net.URLEncoder.encode(each, java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> back = consumer.post("/oauth2/authorize", fields.toString(),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(Ob3Consumer.REDIRECT);
        Map<String, String> answer = Ob3Consumer.query(location);
        assertThat(answer).containsEntry("state", "etat-123").containsKey("code");
        return answer.get("code");
    }

    HttpResponse<String> token(Ob3Consumer consumer, Client client, Map<String, String> fields) throws Exception {
        return consumer.form("/oauth2/token", fields, "Authorization", Ob3Consumer.basic(client.id(), client.secret()));
    }

    Tokens exchange(Ob3Consumer consumer, Client client, String code, Ob3Consumer.Pkce pkce) throws Exception {
        HttpResponse<String> response = token(consumer, client, Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", Ob3Consumer.REDIRECT, "code_verifier", pkce.verifier()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = Ob3Consumer.json(response);
        return new Tokens(tokens.get("access_token").asString(), tokens.get("refresh_token").asString());
    }

    Tokens connect(Ob3Consumer consumer, Client client, String scope) throws Exception {
        Ob3Consumer.Pkce pkce = Ob3Consumer.Pkce.create();
        return exchange(consumer, client, code(consumer, client, scope, pkce), pkce);
    }

    HttpResponse<String> list(Ob3Consumer consumer, String access, String query) throws Exception {
        return consumer.get(Ob3Api.CREDENTIALS + query, "Authorization", "Bearer " + access);
    }

    HttpResponse<String> upsert(Ob3Consumer consumer, String access, String credential) throws Exception {
        return consumer.post(Ob3Api.CREDENTIALS, credential, "Authorization", "Bearer " + access,
                "Content-Type", "application/vc+ld+json");
    }

    @Test
    void runsTheWholeConsumerPath() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);

        HttpResponse<String> discovery = consumer.get(Ob3Api.DISCOVERY);
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode scheme = Ob3Consumer.json(discovery).at("/components/securitySchemes/OAuth2ACG");
        assertThat(scheme.get("type").asString()).isEqualTo("oauth2");
        JsonNode flow = scheme.at("/flows/authorizationCode");
        assertThat(flow.get("scopes").propertyNames()).containsExactlyInAnyOrderElementsOf(Ob3Scopes.ALL);
        String registrationUrl = scheme.get("x-imssf-registrationUrl").asString();
        assertThat(registrationUrl).isEqualTo(consumer.base + Ob3Api.REGISTRATION);
        assertThat(flow.get("authorizationUrl").asString()).isEqualTo(consumer.base + "/oauth2/authorize");
        assertThat(flow.get("tokenUrl").asString()).isEqualTo(consumer.base + "/oauth2/token");

        Client client = register(consumer, ALL_SCOPES);

        // Not signed in yet: the authorization request leads to the login page, then back to it.
        Ob3Consumer.Pkce pkce = Ob3Consumer.Pkce.create();
        HttpResponse<String> toLogin = consumer.get(authorizeUrl(client, ALL_SCOPES, pkce, "S256"));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        consumer.signUp(email, "Camille Martin", PASSWORD);
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        HttpResponse<String> loggedIn = consumer.logIn(email, PASSWORD);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorize");
        Tokens tokens = exchange(consumer, client, code(consumer, client, ALL_SCOPES, pkce), pkce);

        HttpResponse<String> empty = list(consumer, tokens.access(), "");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.headers().firstValue("X-Total-Count")).hasValue("0");
        assertThat(Ob3Consumer.json(empty).get("credential")).isEmpty();

        ObjectNode unsigned = credentials.credential(email, null);
        String first = BoundedJson.MAPPER.writeValueAsString(credentials.signed(unsigned.deepCopy()));
        HttpResponse<String> created = upsert(consumer, tokens.access(), first);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // The same credential (same id) sent again, reissued with another name: the upsert replaces the copy held.
        unsigned.put("name", "Ateliers de quartier, édition revue");
        String credential = BoundedJson.MAPPER.writeValueAsString(credentials.signed(unsigned));
        HttpResponse<String> replaced = upsert(consumer, tokens.access(), credential);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo(credential);

        HttpResponse<String> listed = list(consumer, tokens.access(), "");
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("1");
        JsonNode held = Ob3Consumer.json(listed).get("credential");
        assertThat(held).hasSize(1);
        assertThat(held.get(0)).isEqualTo(Ob3Consumer.JSON.readTree(credential));
        assertThat(listed.body()).contains(credential).doesNotContain(first);

        HttpResponse<String> profile = consumer.get(Ob3Api.PROFILE, "Authorization", "Bearer " + tokens.access());
        assertThat(Ob3Consumer.json(profile).get("email").asString()).isEqualTo(email);
        HttpResponse<String> wrongMethod = consumer.post(Ob3Api.PROFILE, "{}", "Authorization",
                "Bearer " + tokens.access(), "Accept", "text/html");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(Ob3Consumer.json(wrongMethod).get("imsx_codeMajor").asString()).isEqualTo("failure");
        HttpResponse<String> unknown = consumer.get(Ob3Api.BASE + "/nothing-here", "Authorization",
                "Bearer " + tokens.access());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Ob3Consumer.json(unknown).get("imsx_codeMajor").asString()).isEqualTo("failure");

        HttpResponse<String> refreshed = token(consumer, client, Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refresh()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Tokens rotated = new Tokens(Ob3Consumer.json(refreshed).get("access_token").asString(),
                Ob3Consumer.json(refreshed).get("refresh_token").asString());
        assertThat(rotated.refresh()).isNotEqualTo(tokens.refresh());
        HttpResponse<String> replayed = token(consumer, client, Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refresh()));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(Ob3Consumer.json(replayed).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(list(consumer, rotated.access(), "").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = consumer.form("/oauth2/revoke", Map.of("token", rotated.refresh(),
                "token_type_hint", "refresh_token"), "Authorization", Ob3Consumer.basic(client.id(), client.secret()));
        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> afterRevocation = list(consumer, rotated.access(), "");
        assertThat(afterRevocation.statusCode()).isEqualTo(401);
        assertThat(Ob3Consumer.json(afterRevocation).at("/imsx_codeMinor/imsx_codeMinorField/0/imsx_codeMinorFieldValue")
                .asString()).isEqualTo("unauthorizedrequest");
        assertThat(token(consumer, client, Map.of("grant_type", "refresh_token", "refresh_token", rotated.refresh()))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void refusesATokenWithoutTheClientSecret() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        earner(consumer);
        Ob3Consumer.Pkce pkce = Ob3Consumer.Pkce.create();
        String code = code(consumer, client, ALL_SCOPES, pkce);
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", Ob3Consumer.REDIRECT, "code_verifier", pkce.verifier(), "client_id", client.id());
        HttpResponse<String> withoutSecret = consumer.form("/oauth2/token", exchange);
        assertThat(withoutSecret.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongSecret = consumer.form("/oauth2/token", exchange,
                "Authorization", Ob3Consumer.basic(client.id(), "pas-le-secret"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(Ob3Consumer.json(wrongSecret).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void refusesAuthorizationWithoutPkceOrWithPlain() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        earner(consumer);
        for (String url : List.of(authorizeUrl(client, ALL_SCOPES, null, ""),
                authorizeUrl(client, ALL_SCOPES, Ob3Consumer.Pkce.create(), "plain"))) {
            HttpResponse<String> refused = consumer.get(url);
            assertThat(refused.statusCode()).isEqualTo(302);
            String location = refused.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(Ob3Consumer.REDIRECT);
            assertThat(Ob3Consumer.query(location)).containsEntry("error", "invalid_request").doesNotContainKey("code");
        }
    }

    @Test
    void refusesACodeUsedTwice() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        earner(consumer);
        Ob3Consumer.Pkce pkce = Ob3Consumer.Pkce.create();
        String code = code(consumer, client, ALL_SCOPES, pkce);
        Tokens first = exchange(consumer, client, code, pkce);
        HttpResponse<String> again = token(consumer, client, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", Ob3Consumer.REDIRECT, "code_verifier", pkce.verifier()));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Ob3Consumer.json(again).get("error").asString()).isEqualTo("invalid_grant");
        // RFC 6749 §4.1.2: the tokens issued for a code used twice are revoked.
        assertThat(list(consumer, first.access(), "").statusCode()).isEqualTo(401);
    }

    @Test
    void removesExpiredGrantsPendingRequestsAndUnusedClientsOnOneNodeAtATime() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client used = register(consumer, ALL_SCOPES);
        earner(consumer);
        Tokens live = connect(consumer, used, ALL_SCOPES);
        Tokens expired = connect(consumer, used, ALL_SCOPES);
        jdbc.update("""
                update oauth2_authorization set authorization_code_expires_at = now() - interval '3 hours',
                       access_token_expires_at = now() - interval '2 hours', refresh_token_expires_at = now() - interval '1 hour'
                 where access_token_value = ?""", expired.access());
        String usedId = clientRowId(used);
        jdbc.update("update oauth2_registered_client set client_id_issued_at = now() - interval '40 days' where id = ?",
                usedId);
        String oldUnused = clientRowId(register(consumer, ALL_SCOPES));
        jdbc.update("update oauth2_registered_client set client_id_issued_at = now() - interval '40 days' where id = ?",
                oldUnused);
        String newUnused = clientRowId(register(consumer, ALL_SCOPES));
        String stalePending = UUID.randomUUID().toString();
        String freshPending = UUID.randomUUID().toString();
        for (String id : List.of(stalePending, freshPending)) {
            jdbc.update("""
                    insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, state)
                    values (?, ?, 'someone', 'authorization_code', ?)""", id, usedId, "etat-" + id);
        }
        jdbc.update("update oauth2_authorization set created_at = now() - interval '2 days' where id = ?", stalePending);

        // Another node is cleaning: this one leaves everything to it.
        jdbc.update("""
                insert into work_lease (name, owner, token, acquired_at, expires_at)
                values (?, 'autre-noeud', ?, now(), now() + interval '1 minute')
                on conflict (name) do update set owner = excluded.owner, token = excluded.token,
                    expires_at = excluded.expires_at""", ExpiredGrantsCleanup.LEASE, UUID.randomUUID());
        try {
            cleanup.onSchedule();
            assertThat(count("oauth2_authorization where access_token_value = ?", expired.access())).isEqualTo(1);
            assertThat(count("oauth2_registered_client where id = ?", oldUnused)).isEqualTo(1);
        } finally {
            jdbc.update("delete from work_lease where name = ?", ExpiredGrantsCleanup.LEASE);
        }

        cleanup.onSchedule();
        assertThat(count("oauth2_authorization where access_token_value = ?", expired.access())).isZero();
        assertThat(count("oauth2_authorization where id = ?", stalePending)).isZero();
        assertThat(count("oauth2_authorization where id = ?", freshPending)).isEqualTo(1);
        assertThat(count("oauth2_registered_client where id = ?", oldUnused)).isZero();
        assertThat(count("oauth2_registered_client where id = ?", newUnused)).isEqualTo(1);
        assertThat(count("oauth2_registered_client where id = ?", usedId)).isEqualTo(1);
        assertThat(list(consumer, live.access(), "").statusCode()).isEqualTo(200);
        assertThat(list(consumer, expired.access(), "").statusCode()).isEqualTo(401);
    }

    private String clientRowId(Client client) {
        return jdbc.queryForObject("select id from oauth2_registered_client where client_id = ?", String.class,
                client.id());
    }

    private int count(String fromWhere, Object... args) {
        return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class, args);
    }

    @Test
    void limitsRegistrationsPerClientAddress() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        String body = Ob3Consumer.JSON.writeValueAsString(Ob3Consumer.registration(ALL_SCOPES));
        // Spend what is left of this hour's registrations for this address, as a flood of them would.
        for (int i = 0; i <= InsigneIntegrationTest.REGISTRATIONS_PER_HOUR
                && limits.tryConsume(RateLimits.Limit.CLIENT_REGISTRATION, "127.0.0.1").allowed(); i++) {
            assertThat(i).isLessThan(InsigneIntegrationTest.REGISTRATIONS_PER_HOUR);
        }
        try {
            int before = jdbc.queryForObject("select count(*) from oauth2_registered_client", Integer.class);
            HttpResponse<String> refused = consumer.post(Ob3Api.REGISTRATION, body, "Content-Type", "application/json",
                    "Accept-Language", "en");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
            assertThat(Ob3Consumer.json(refused).get("error").asString()).isEqualTo("temporarily_unavailable");
            assertThat(Ob3Consumer.json(refused).get("error_description").asString()).contains("Too many");
            assertThat(jdbc.queryForObject("select count(*) from oauth2_registered_client", Integer.class))
                    .isEqualTo(before);
        } finally {
            limits.reset(RateLimits.Limit.CLIENT_REGISTRATION, "127.0.0.1");
        }
        assertThat(consumer.post(Ob3Api.REGISTRATION, body, "Content-Type", "application/json").statusCode())
                .isEqualTo(201);
    }

    @Test
    void refusesRegistrationsWithHttpOrOtherHosts() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Map<String, Object> http = Ob3Consumer.registration(ALL_SCOPES);
        http.put("redirect_uris", List.of("http://consumer.example/callback"));
        Map<String, Object> otherHost = Ob3Consumer.registration(ALL_SCOPES);
        otherHost.put("tos_uri", "https://elsewhere.example/terms");
        Map<String, Object> otherRedirect = Ob3Consumer.registration(ALL_SCOPES);
        otherRedirect.put("redirect_uris", List.of("https://elsewhere.example/callback"));
        Map<String, Object> httpClient = Ob3Consumer.registration(ALL_SCOPES);
        httpClient.put("client_uri", "http://consumer.example/");
        Map<String, Object> missing = Ob3Consumer.registration(ALL_SCOPES);
        missing.remove("policy_uri");
        Map<String, Object> post = Ob3Consumer.registration(ALL_SCOPES);
        post.put("token_endpoint_auth_method", "client_secret_post");
        Map<String, Object> scope = Ob3Consumer.registration("openid");
        int before = jdbc.queryForObject("select count(*) from oauth2_registered_client", Integer.class);
        for (Map<String, Object> body : List.of(http, otherHost, otherRedirect, httpClient, missing, post, scope)) {
            HttpResponse<String> refused = consumer.post(Ob3Api.REGISTRATION, Ob3Consumer.JSON.writeValueAsString(body),
                    "Content-Type", "application/json");
            assertThat(refused.statusCode()).as(body.toString()).isEqualTo(400);
            assertThat(Ob3Consumer.json(refused).get("error").asString())
                    .isIn("invalid_redirect_uri", "invalid_client_metadata");
            assertThat(Ob3Consumer.json(refused).get("error_description").asString()).isNotBlank();
        }
        assertThat(consumer.post(Ob3Api.REGISTRATION, "{pas du json", "Content-Type", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from oauth2_registered_client", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void refusesOperationsOutsideTheGrantedScopes() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        String email = earner(consumer);
        Tokens readOnly = connect(consumer, client, Ob3Scopes.CREDENTIAL_READONLY);
        String credential = BoundedJson.MAPPER.writeValueAsString(
                credentials.signed(credentials.credential(email, null)));
        HttpResponse<String> refused = upsert(consumer, readOnly.access(), credential);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(Ob3Consumer.json(refused).get("imsx_codeMajor").asString()).isEqualTo("failure");
        assertThat(consumer.get(Ob3Api.PROFILE, "Authorization", "Bearer " + readOnly.access()).statusCode())
                .isEqualTo(403);
        assertThat(list(consumer, readOnly.access(), "").headers().firstValue("X-Total-Count")).hasValue("0");
        assertThat(consumer.get(Ob3Api.CREDENTIALS).statusCode()).isEqualTo(401);
        assertThat(list(consumer, "pas-un-jeton", "").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesATamperedCredentialAndStoresNothing() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        String email = earner(consumer);
        Tokens tokens = connect(consumer, client, ALL_SCOPES);
        ObjectNode signed = credentials.signed(credentials.credential(email, null));
        signed.put("name", "Un autre badge");
        HttpResponse<String> refused = upsert(consumer, tokens.access(), BoundedJson.MAPPER.writeValueAsString(signed));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Ob3Consumer.json(refused).at("/imsx_codeMinor/imsx_codeMinorField/0/imsx_codeMinorFieldValue")
                .asString()).isEqualTo("invalid_data");
        assertThat(Ob3Consumer.json(refused).get("imsx_description").asString()).isNotBlank();
        assertThat(list(consumer, tokens.access(), "").headers().firstValue("X-Total-Count")).hasValue("0");
    }

    @Test
    void pagesWithLinksAndTotal() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        String email = earner(consumer);
        Tokens tokens = connect(consumer, client, ALL_SCOPES);
        for (int i = 0; i < 5; i++) {
            assertThat(upsert(consumer, tokens.access(), BoundedJson.MAPPER.writeValueAsString(
                    credentials.signed(credentials.credential(email, null)))).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> middle = list(consumer, tokens.access(), "?limit=2&offset=2");
        assertThat(middle.headers().firstValue("X-Total-Count")).hasValue("5");
        assertThat(Ob3Consumer.json(middle).get("credential")).hasSize(2);
        String links = middle.headers().firstValue("Link").orElseThrow();
        assertThat(links).contains("limit=2&offset=4>; rel=\"next\"").contains("limit=2&offset=4>; rel=\"last\"")
                .contains("limit=2&offset=0>; rel=\"first\"").contains("limit=2&offset=0>; rel=\"prev\"");
        HttpResponse<String> last = list(consumer, tokens.access(), "?limit=2&offset=4");
        assertThat(Ob3Consumer.json(last).get("credential")).hasSize(1);
        assertThat(last.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");
        HttpResponse<String> first = list(consumer, tokens.access(), "?limit=2");
        assertThat(first.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"prev\"");
        assertThat(list(consumer, tokens.access(), "?since=2030-01-01T00:00:00Z").headers()
                .firstValue("X-Total-Count")).hasValue("0");
        assertThat(list(consumer, tokens.access(), "?limit=0").statusCode()).isEqualTo(400);
        assertThat(list(consumer, tokens.access(), "?since=hier").statusCode()).isEqualTo(400);
    }

    @Test
    void readsAndRenamesTheProfile() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        String email = earner(consumer);
        Tokens tokens = connect(consumer, client, ALL_SCOPES);
        HttpResponse<String> put = consumer.browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(consumer.base + Ob3Api.PROFILE))
                .header("Authorization", "Bearer " + tokens.access()).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"Profile\",\"name\":\"Camille M.\",\"email\":\"autre@example.org\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode profile = Ob3Consumer.json(consumer.get(Ob3Api.PROFILE, "Authorization", "Bearer " + tokens.access()));
        assertThat(profile.get("name").asString()).isEqualTo("Camille M.");
        assertThat(profile.get("email").asString()).isEqualTo(email);
        HttpResponse<String> nameless = consumer.browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(consumer.base + Ob3Api.PROFILE))
                .header("Authorization", "Bearer " + tokens.access()).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"Profile\",\"name\":\" \"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nameless.statusCode()).isEqualTo(400);
    }

    @Test
    void earnerWithdrawsAnApplicationAndItsTokensStop() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        earner(consumer);
        Tokens tokens = connect(consumer, client, ALL_SCOPES);
        HttpResponse<String> page = consumer.get("/backpack/connected-apps");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sac Exemple").contains("voir les badges de votre sac");
        Matcher revoke = Pattern.compile("action=\"(/backpack/connected-apps/[^\"]+/revoke)\"").matcher(page.body());
        assertThat(revoke.find()).isTrue();
        HttpResponse<String> withdrawn = consumer.form(revoke.group(1),
                Map.of("_csrf", Ob3Consumer.hidden(page.body(), "_csrf")));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(list(consumer, tokens.access(), "").statusCode()).isEqualTo(401);
        assertThat(token(consumer, client, Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh()))
                .statusCode()).isEqualTo(400);
        assertThat(consumer.get("/backpack/connected-apps").body()).doesNotContain("Sac Exemple");
    }

    @Test
    void deletingTheAccountEndsItsGrants() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        String email = earner(consumer);
        Tokens tokens = connect(consumer, client, ALL_SCOPES);
        UUID account = jdbc.queryForObject("select id from user_account where email = ?", UUID.class, email);
        dataRights.erase(account, PASSWORD);
        assertThat(jdbc.queryForObject("select count(*) from oauth2_authorization where principal_name = ?",
                Integer.class, account.toString())).isZero();
        assertThat(list(consumer, tokens.access(), "").statusCode()).isEqualTo(401);
    }

    @Test
    void asksConsentAgainAtEachAuthorization() throws Exception {
        Ob3Consumer consumer = new Ob3Consumer(port);
        Client client = register(consumer, ALL_SCOPES);
        earner(consumer);
        connect(consumer, client, Ob3Scopes.CREDENTIAL_READONLY);
        // code() checks that the earner goes through the consent page again, not straight back to the client.
        Tokens again = connect(consumer, client, Ob3Scopes.CREDENTIAL_READONLY);
        assertThat(list(consumer, again.access(), "").statusCode()).isEqualTo(200);
    }
}
