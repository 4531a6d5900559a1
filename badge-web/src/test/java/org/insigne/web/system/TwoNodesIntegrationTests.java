package org.insigne.web.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.InsigneApplication;
import org.insigne.web.account.AccountService;
import org.insigne.web.testing.TestEnvironmentInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL, each on a real port, as an operator runs them behind a load
 * balancer: a session made on one works on the other, the login throttle counts on both and survives a
 * restart, and a revocation made through one shows on the other's public page within a second or two.
 */
class TwoNodesIntegrationTests {

    private static final String PASSWORD = "une phrase de passe solide";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoNodes() {
        a = node();
        b = node();
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(InsigneApplication.class)
                .initializers(new TestEnvironmentInitializer())
                .run("--insigne.test.suite=two_nodes", "--server.port=0", "--insigne.backpack.recheck-interval=-");
    }

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOtherIncludingAForm() throws Exception {
        String email = account("Camille");

        HttpResponse<String> loggedIn = login(a, email, PASSWORD);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/start"));
        String setCookie = loggedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("JSESSIONID=", "HttpOnly", "SameSite=Lax");
        String session = session(setCookie);

        HttpResponse<String> accountOnB = get(b, "/account", session);
        assertThat(accountOnB.statusCode()).isEqualTo(200);
        assertThat(accountOnB.body()).contains("Camille", "Se déconnecter");

        // The CSRF token lives in the session: handed out by A, accepted by B.
        String token = csrf(get(a, "/account", session).body());
        HttpResponse<String> logout = post(b, "/logout", session, Map.of("_csrf", token));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/?logout"));
        assertThat(get(a, "/account", session).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        assertThat(jdbc(a).queryForList("select distinct max_inactive_interval from spring_session", Integer.class))
                .containsOnly((int) Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void fiveWrongPasswordsOnOneNodeLockTheAccountOnBothAndARestartDoesNotForgive() throws Exception {
        String email = account("Dominique");
        for (int i = 0; i < 5; i++) {
            assertThat(location(login(i % 2 == 0 ? a : b, email, "pas le bon mot de passe")))
                    .endsWith("/login?error=credentials");
        }

        assertThat(location(login(a, email, PASSWORD))).endsWith("/login?error=throttled");
        assertThat(location(login(b, email, PASSWORD))).endsWith("/login?error=throttled");
        assertThat(get(b, "/login?error=throttled", null).body())
                .contains("Trop de tentatives de connexion pour cette adresse.");

        b.close();
        b = node();
        assertThat(location(login(b, email, PASSWORD))).endsWith("/login?error=throttled");
    }

    @Test
    void refusesAMegabyteUserNameAndKeepsNothingOfIt() throws Exception {
        String huge = "x".repeat(1 << 20) + "@example.org";
        HttpResponse<String> page = get(a, "/login", null);
        HttpResponse<String> refused = post(a, "/login", session(page.headers().firstValue("Set-Cookie").orElseThrow()),
                Map.of("username", huge, "password", "mot de passe", "_csrf", csrf(page.body())));

        assertThat(location(refused)).endsWith("/login?error=credentials");
        JdbcTemplate db = jdbc(a);
        assertThat(db.queryForObject("select coalesce(max(length(key)), 0) from rate_limit", Integer.class))
                .isLessThanOrEqualTo(64);
        assertThat(db.queryForObject("select coalesce(max(length(attribute_bytes)), 0) from spring_session_attributes",
                Integer.class)).isLessThan(10_000);
        assertThat(db.queryForObject("select pg_total_relation_size('rate_limit') + pg_total_relation_size("
                + "'spring_session_attributes')", Long.class)).isLessThan(1L << 20);
    }

    @Test
    void aRevocationOnOneNodeShowsOnTheOthersPublicPageWithinTwoSeconds() throws Exception {
        AwardView award = award();
        String path = "/ob2/assertions/" + award.id().value();
        assertThat(get(b, path, null).body()).contains("Authentique");
        assertThat(get(b, path, null).body()).contains("Authentique");

        revoke(award);
        long elapsed = millisUntilRevokedOn(b, path);
        System.out.println("[insigne] revocation on A shown on B after " + elapsed + " ms");
        assertThat(elapsed).isLessThan(2_000);
    }

    @Test
    void aNodeThatLostItsListeningConnectionForgetsItsPagesAndHearsAgain() throws Exception {
        AwardView before = award();
        String beforePath = "/ob2/assertions/" + before.id().value();
        assertThat(get(b, beforePath, null).body()).contains("Authentique");

        b.getBean(ClusterNotifications.class).dropConnection();
        // What A says while B is away is lost: B must not keep the page it had.
        revoke(before);
        assertThat(millisUntilRevokedOn(b, beforePath)).isLessThan(5_000);

        AwardView after = award();
        String afterPath = "/ob2/assertions/" + after.id().value();
        assertThat(get(b, afterPath, null).body()).contains("Authentique");
        revoke(after);
        assertThat(millisUntilRevokedOn(b, afterPath)).isLessThan(2_000);
    }

    /** How long until {@code node}'s public page at {@code path} says "Révoqué"; fails after 10 s. */
    private static long millisUntilRevokedOn(ConfigurableApplicationContext node, String path) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            String body = get(node, path, null).body();
            if (body.contains("Révoqué")) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            assertThat(body).contains("Authentique");
            Thread.sleep(50);
        }
        throw new AssertionError(path + " still not revoked after 10 s");
    }

    // --- data, made through node A's services ---

    private static UUID owner;
    private static OrganisationId organisation;
    private static BadgeClassId badgeClass;

    private static synchronized AwardView award() throws Exception {
        if (owner == null) {
            String email = account("Owner");
            owner = a.getBean(AccountService.class).loadUserByUsername(email).id();
            organisation = a.getBean(OrganisationService.class).create(owner, "Ligue de l'enseignement").id();
            BadgeClassService badgeClasses = a.getBean(BadgeClassService.class);
            badgeClass = badgeClasses.create(organisation, owner, new BadgeClassContent("Animer une réunion",
                    "Savoir animer une réunion.", "Avoir animé trois réunions.", List.of(), List.of(),
                    BadgeClassContent.DEFAULT_LEVELS, null, false), ImageUploads.accept(new byte[] {
                    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'})).id();
            badgeClasses.publish(organisation, badgeClass, owner);
        }
        return a.getBean(AwardService.class).award(organisation, badgeClass, owner, new AwardRequest(UUID.randomUUID(),
                        "earner." + UUID.randomUUID() + "@example.org", "Camille Martin", "Je transmets", null,
                        "A animé l'assemblée générale.", LocalDate.now()), new HostedUrls("http://localhost"));
    }

    private static void revoke(AwardView award) {
        a.getBean(AwardService.class).revoke(organisation, award.id(), owner, "Décerné par erreur");
    }

    /** A confirmed account, signed up through node A's form (the address confirmed as the mailed link would). */
    private static String account(String name) throws Exception {
        String email = name.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org";
        HttpResponse<String> page = get(a, "/signup", null);
        assertThat(location(post(a, "/signup", session(page.headers().firstValue("Set-Cookie").orElseThrow()),
                Map.of("email", email, "displayName", name, "password", PASSWORD, "_csrf", csrf(page.body())))))
                .endsWith("/signup/sent");
        jdbc(a).update("update user_account set email_confirmed_at = now() where email = ?", email);
        return email;
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    // --- HTTP, as a browser sends it ---

    /** Opens the login page on {@code node} and posts its form, with its session and CSRF token. */
    private static HttpResponse<String> login(ConfigurableApplicationContext node, String email, String password)
            throws Exception {
        HttpResponse<String> page = get(node, "/login", null);
        String session = session(page.headers().firstValue("Set-Cookie").orElseThrow());
        return post(node, "/login", session, Map.of("username", email, "password", password, "_csrf", csrf(page.body())));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext node, String path, String session)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext node, String path, String session,
                                             Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(node, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String session(String setCookie) {
        Matcher m = SESSION.matcher(setCookie);
        assertThat(m.find()).as(setCookie).isTrue();
        return m.group(1);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}
