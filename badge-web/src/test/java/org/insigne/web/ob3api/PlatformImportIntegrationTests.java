package org.insigne.web.ob3api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.issuer.key.KeyVault;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.insigne.web.verify.VerificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.node.ObjectNode;

/**
 * Insigne as the Open Badges 3.0 consumer of another host, the host being Insigne itself on the same port
 * under another name: the earner's browser knows {@code 127.0.0.1} (where they use the backpack) and
 * {@code localhost} (the other platform, where another account holds the badges and consents) as two sites,
 * each with its own cookies. Everything goes over real HTTP, loopback allowed as in the test profile.
 */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.fetch.allow-loopback=true")
class PlatformImportIntegrationTests {

    static final String PASSWORD = "une phrase de passe solide";
    private static final Pattern CONTINUE = Pattern.compile("<a class=\"button\" id=\"continue\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VerificationService verifications;

    @Autowired
    ImportService imports;

    @Autowired
    KeyVault vault;

    final Ob3TestCredentials credentials = new Ob3TestCredentials();

    /** Signs up, confirms and signs in at the browser's base; answers the account id. */
    UUID signedIn(Ob3Consumer browser, String email) throws Exception {
        browser.signUp(email, "Camille Martin", PASSWORD);
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        assertThat(browser.logIn(email, PASSWORD).statusCode()).isEqualTo(302);
        return jdbc.queryForObject("select id from user_account where email = ?", UUID.class, email);
    }

    static String email(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Puts a signed credential for {@code email} in the backpack of {@code owner}, as any import would. */
    String holds(UUID owner, String email, String name) throws Exception {
        ObjectNode unsigned = credentials.credential(email, null);
        unsigned.put("name", name);
        String json = BoundedJson.MAPPER.writeValueAsString(credentials.signed(unsigned));
        BadgeInput input = BadgeInput.text(json);
        imports.importBadge(owner, input, verifications.verify(input.toRequest(email)).join());
        return json;
    }

    HttpResponse<String> connect(Ob3Consumer earner, String address) throws Exception {
        HttpResponse<String> page = earner.get("/backpack/platforms");
        assertThat(page.statusCode()).isEqualTo(200);
        return earner.form("/backpack/platforms/connect", Map.of("address", address,
                "_csrf", Ob3Consumer.hidden(page.body(), "_csrf")));
    }

    static String authorizationUrl(HttpResponse<String> continuePage) {
        assertThat(continuePage.statusCode()).as(continuePage.body()).isEqualTo(200);
        Matcher link = CONTINUE.matcher(continuePage.body());
        assertThat(link.find()).as(continuePage.body()).isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    /** On the host: from the authorization request to the consent page, then allows or refuses. */
    String consent(Ob3Consumer owner, String authorizationUrl, boolean allow) throws Exception {
        HttpResponse<String> toConsent = owner.get(authorizationUrl);
        assertThat(toConsent.statusCode()).isEqualTo(302);
        String consentUrl = toConsent.headers().firstValue("Location").orElseThrow();
        assertThat(consentUrl).contains("/oauth2/consent");
        HttpResponse<String> consent = owner.get(consentUrl);
        assertThat(consent.body()).contains("Insigne");
        String fields = Ob3Consumer.encode(Map.of("client_id", Ob3Consumer.query(authorizationUrl).get("client_id"),
                "state", Ob3Consumer.hidden(consent.body(), "state")));
        if (allow) {
            fields += "&scope=" + java.net.URLEncoder.encode(Ob3Scopes.CREDENTIAL_READONLY,
                    StandardCharsets.UTF_8);
        }
        HttpResponse<String> back = owner.post("/oauth2/authorize", fields,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(back.statusCode()).isEqualTo(302);
        return back.headers().firstValue("Location").orElseThrow();
    }

    /** Waits, without a fixed sleep, for the connection's import to leave RUNNING. */
    Map<String, Object> finishedImport(UUID account) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = jdbc.queryForMap("select * from platform_connection where account_id = ?",
                    account);
            if (!"RUNNING".equals(row.get("import_state"))) {
                return row;
            }
            Thread.onSpinWait();
            Thread.sleep(50);
        }
        throw new AssertionError("import still running");
    }

    String opened(UUID connection, Object sealed) throws Exception {
        return new String(vault.open(connection, (byte[]) sealed), StandardCharsets.UTF_8);
    }

    int badges(UUID owner) {
        return jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Integer.class, owner);
    }

    @Test
    void importsEveryListedCredentialThenAgainWithTheRefreshToken() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Ob3Consumer earner = new Ob3Consumer(base);
        Ob3Consumer other = new Ob3Consumer(port);
        UUID earnerId = signedIn(earner, email("camille"));
        String otherEmail = email("camille.ailleurs");
        UUID otherId = signedIn(other, otherEmail);
        // Two pages and more on the host, one of them tampered there after it was kept.
        for (int i = 0; i < 11; i++) {
            holds(otherId, otherEmail, "Atelier " + i);
        }
        String tampered = holds(otherId, otherEmail, "Atelier falsifié");
        jdbc.update("update backpack_badge set original = ? where owner_id = ? and original = ?",
                tampered.replace("Atelier falsifié", "Atelier trafiqué").getBytes(StandardCharsets.UTF_8),
                otherId, tampered.getBytes(StandardCharsets.UTF_8));

        String authorizationUrl = authorizationUrl(connect(earner, "http://localhost:" + port + "/"));
        assertThat(authorizationUrl).startsWith("http://localhost:" + port + "/oauth2/authorize?")
                .contains("code_challenge_method=S256").contains("state=");
        Map<String, String> asked = Ob3Consumer.query(authorizationUrl);
        assertThat(asked.get("redirect_uri")).isEqualTo(base + "/backpack/platforms/callback");
        String secret = jdbc.queryForObject("select encode(client_secret, 'hex') from platform_host "
                + "where client_id = ?", String.class, asked.get("client_id"));
        assertThat(jdbc.queryForObject("select client_name from oauth2_registered_client where client_id = ?",
                String.class, asked.get("client_id"))).isEqualTo("Insigne");

        String callback = consent(other, authorizationUrl, true);
        assertThat(callback).startsWith(base + "/backpack/platforms/callback?");
        HttpResponse<String> back = earner.get(callback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/backpack/platforms?connected");

        Map<String, Object> first = finishedImport(earnerId);
        assertThat(first.get("import_failure")).isNull();
        assertThat(first).containsEntry("import_state", "DONE").containsEntry("import_listed", 12)
                .containsEntry("import_added", 11).containsEntry("import_known", 0).containsEntry("import_refused", 1);
        assertThat(first.get("import_refusals")).isEqualTo("platforms.refused.invalid");
        assertThat(badges(earnerId)).isEqualTo(11);
        // Tokens are sealed under the master key, bound to their row: they open to what the host issued.
        UUID connection = (UUID) first.get("id");
        String access = opened(connection, first.get("access_token"));
        assertThat(jdbc.queryForObject("select count(*) from oauth2_authorization where access_token_value = ?",
                Integer.class, access)).isEqualTo(1);
        assertThat((byte[]) first.get("access_token")).isNotEqualTo(access.getBytes(StandardCharsets.UTF_8));
        assertThat(secret).isNotBlank();
        HttpResponse<String> page = earner.get("/backpack/platforms");
        assertThat(page.body()).contains("Ajoutés à votre sac : 11").contains("Refusés : 1")
                .contains("un badge ne se vérifie pas");

        // Later: the access token has expired, the refresh token gets a new one (and is replaced).
        jdbc.update("update platform_connection set access_expires_at = now() - interval '1 hour' where account_id = ?",
                earnerId);
        HttpResponse<String> again = earner.form("/backpack/platforms/" + first.get("id") + "/import",
                Map.of("_csrf", Ob3Consumer.hidden(page.body(), "_csrf")));
        assertThat(again.statusCode()).isEqualTo(302);
        Map<String, Object> second = finishedImport(earnerId);
        assertThat(second).containsEntry("import_state", "DONE").containsEntry("import_added", 0)
                .containsEntry("import_known", 11).containsEntry("import_refused", 1);
        assertThat((byte[]) second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(badges(earnerId)).isEqualTo(11);
        // Registered once per host: a second earner's connection reuses the client.
        assertThat(jdbc.queryForObject("select count(*) from platform_host where client_id = ?", Integer.class,
                asked.get("client_id"))).isEqualTo(1);

        String lastAccess = opened(connection, second.get("access_token"));
        assertThat(other.get("/ims/ob/v3p0/credentials", "Authorization", "Bearer " + lastAccess).statusCode())
                .isEqualTo(200);
        // Disconnecting revokes the grant at the host and forgets the tokens here.
        HttpResponse<String> gone = earner.form("/backpack/platforms/" + first.get("id") + "/disconnect",
                Map.of("_csrf", Ob3Consumer.hidden(earner.get("/backpack/platforms").body(), "_csrf")));
        assertThat(gone.headers().firstValue("Location").orElseThrow()).endsWith("?disconnected");
        assertThat(jdbc.queryForObject("select count(*) from platform_connection where account_id = ?", Integer.class,
                earnerId)).isZero();
        assertThat(other.get("/ims/ob/v3p0/credentials", "Authorization", "Bearer " + lastAccess).statusCode())
                .isEqualTo(401);
    }

    /**
     * A make-believe host on 127.0.0.1: under {@code /refusing} it refuses registrations, under
     * {@code /garbled} it registers but answers the token request with nonsense.
     */
    static HttpServer fakeHost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (String host : List.of("/refusing", "/garbled")) {
            String discovery = """
                    {"openapi": "3.0.1", "servers": [{"url": "%1$s/ims/ob/v3p0"}],
                     "components": {"securitySchemes": {"OAuth2ACG": {"type": "oauth2",
                       "x-imssf-registrationUrl": "%1$s/register",
                       "flows": {"authorizationCode": {"authorizationUrl": "%1$s/authorize",
                         "tokenUrl": "%1$s/token", "scopes": {}}}}}}}""".formatted(base + host);
            server.createContext(host + "/ims/ob/v3p0/discovery", exchange -> answer(exchange, 200, discovery));
        }
        server.createContext("/refusing/register", exchange ->
                answer(exchange, 400, "{\"error\": \"invalid_client_metadata\"}"));
        server.createContext("/garbled/register", exchange ->
                answer(exchange, 201, "{\"client_id\": \"abc\", \"client_secret\": \"def\"}"));
        server.createContext("/garbled/token", exchange -> answer(exchange, 200, "{\"access_token\": 42}"));
        server.start();
        return server;
    }

    static void answer(HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void explainsEachFailureAndStoresNothing() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Ob3Consumer earner = new Ob3Consumer(base);
        UUID earnerId = signedIn(earner, email("dominique"));
        HttpServer fake = fakeHost();
        String fakeBase = "http://127.0.0.1:" + fake.getAddress().getPort();
        try {
            Map<String, String> refusals = new java.util.LinkedHashMap<>();
            refusals.put("pas une adresse", "n&#39;est pas celle d&#39;un site web");
            refusals.put("http://10.1.2.3/", "mène à un réseau privé");
            refusals.put("http://127.0.0.1:1/", "La plateforme ne répond pas");
            refusals.put("http://localhost:" + port + "/verify", "ne répond pas comme une plateforme Open Badges 3.0");
            refusals.put(fakeBase + "/refusing", "a refusé d&#39;enregistrer Insigne");
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                HttpResponse<String> refused = connect(earner, refusal.getKey());
                assertThat(refused.statusCode()).as(refusal.getKey()).isIn(400, 502);
                assertThat(refused.body()).as(refusal.getKey()).contains(refusal.getValue());
            }
            assertThat(jdbc.queryForObject("select count(*) from platform_host where discovery_url like ?",
                    Integer.class, fakeBase + "/refusing%")).isZero();

            // A token response that is no token: nothing kept, the earner told.
            String garbled = authorizationUrl(connect(earner, fakeBase + "/garbled/"));
            HttpResponse<String> badToken = earner.get("/backpack/platforms/callback?code=xyz&state="
                    + Ob3Consumer.query(garbled).get("state"));
            assertThat(badToken.statusCode()).isEqualTo(502);
            assertThat(badToken.body()).contains("a répondu de façon incorrecte en remettant l&#39;accès");

            // An answer whose state this browser never asked for.
            authorizationUrl(connect(earner, fakeBase + "/garbled/"));
            HttpResponse<String> forged = earner.get("/backpack/platforms/callback?code=xyz&state=autre&lang=en");
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("matches no connection request under way in this browser");

            // The earner refuses on the host.
            Ob3Consumer other = new Ob3Consumer(port);
            signedIn(other, email("dominique.ailleurs"));
            String denied = consent(other, authorizationUrl(connect(earner, "http://localhost:" + port)), false);
            assertThat(Ob3Consumer.query(denied)).containsEntry("error", "access_denied");
            HttpResponse<String> back = earner.get(denied.replace("?", "?lang=fr&"));
            assertThat(back.statusCode()).isEqualTo(400);
            assertThat(back.body()).contains("Vous avez refusé l&#39;accès sur l&#39;autre plateforme");
        } finally {
            fake.stop(0);
        }
        assertThat(jdbc.queryForObject("select count(*) from platform_connection where account_id = ?", Integer.class,
                earnerId)).isZero();
        assertThat(badges(earnerId)).isZero();
    }
}
