package org.insigne.core.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.insigne.core.fetch.DocumentFetcher.Expect;
import org.insigne.core.fetch.FetchFailed.Reason;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs against a real HTTP server bound to 127.0.0.1. Refusals (private ranges, metadata address, odd schemes)
 * must happen before any connection: those tests never send traffic anywhere, and the local server counts hits.
 */
class HttpDocumentFetcherTests {

    private static final String ASSERTION = "{\"type\":\"Assertion\",\"id\":\"urn:uuid:1\"}";
    private static final FetchPolicy LOCAL = new FetchPolicy(Duration.ofSeconds(5), 2 * 1024 * 1024,
            5 * 1024 * 1024, 3, true);
    private static final FetchPolicy LOCAL_IMPATIENT = new FetchPolicy(Duration.ofMillis(500), 2 * 1024 * 1024,
            5 * 1024 * 1024, 3, true);

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger hits = new AtomicInteger();
    private final Map<String, AtomicInteger> hitsByPath = new ConcurrentHashMap<>();
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        hitsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            switch (path) {
                case "/assertion" -> send(exchange, 200, "application/ld+json",
                        exchange.getRequestHeaders().getFirst("Accept").getBytes(StandardCharsets.UTF_8));
                case "/json" -> send(exchange, 200, "application/json; charset=utf-8", bytes(ASSERTION));
                case "/vc" -> send(exchange, 200, "application/vc+ld+json", bytes(ASSERTION));
                case "/html" -> send(exchange, 200, "text/html", bytes("<html></html>"));
                case "/none" -> send(exchange, 200, null, bytes(ASSERTION));
                case "/png" -> send(exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                case "/gone" -> send(exchange, 410, "application/json", bytes("{}"));
                case "/error" -> send(exchange, 503, "text/plain", bytes("busy"));
                case "/echo" -> send(exchange, 202, "text/plain", bytes(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("webhook-id") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                case "/huge" -> stream(exchange, 0);
                case "/huge-declared" -> stream(exchange, 10 * 1024 * 1024);
                case "/drip" -> drip(exchange);
                case "/slow-headers" -> {
                    sleep(3000);
                    send(exchange, 200, "application/json", bytes(ASSERTION));
                }
                case "/loop" -> redirect(exchange, "/loop");
                case "/relative" -> redirect(exchange, "json");
                case "/to-private" -> redirect(exchange, "http://10.0.0.1/internal");
                case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
                case "/to-loopback-name" -> redirect(exchange, "http://[::ffff:10.0.0.1]/");
                case "/to-file" -> redirect(exchange, "file:///etc/passwd");
                case "/to-userinfo" -> redirect(exchange, base + "@evil.example/");
                default -> {
                    if (path.startsWith("/hops/")) {
                        int left = Integer.parseInt(path.substring(6));
                        redirect(exchange, left == 0 ? "/json" : "/hops/" + (left - 1));
                    } else {
                        send(exchange, 404, "text/plain", bytes("not found"));
                    }
                }
            }
        } catch (IOException clientWentAway) {
            // expected when the fetcher aborts a huge or slow response
        }
    }

    @Test
    @HostileInput("F1")
    void refusesLoopbackByDefaultWithoutConnecting() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(FetchPolicy.defaults());

        assertFailure(fetcher, base + "/json", Expect.JSON, Reason.FORBIDDEN_ADDRESS);
        assertFailure(fetcher, "http://localhost:" + server.getAddress().getPort() + "/json", Expect.JSON,
                Reason.FORBIDDEN_ADDRESS);
        assertThat(hits).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]:PORT/json", "http://0.0.0.0:PORT/json", "http://2130706433:PORT/json",
            "http://0x7f000001:PORT/json", "http://0177.0.0.1:PORT/json",
            "http://[::ffff:127.0.0.1]:PORT/json", "http://[::ffff:7f00:1]:PORT/json", "http://[::]:PORT/json",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/",
            "http://100.64.0.1/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
            "http://224.0.0.1/", "http://[ff02::1]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a00:1]/",
            "http://[2002:a00:1::]/", "http://167772161/", "http://0xa9fea9fe/"})
    @HostileInput("F1")
    void refusesNonPublicAddressesBeforeConnecting(String url) {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(FetchPolicy.defaults());

        assertFailure(fetcher, url.replace("PORT", String.valueOf(server.getAddress().getPort())), Expect.JSON,
                Reason.FORBIDDEN_ADDRESS);
        assertThat(hits).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:/etc/passwd", "file:///etc/passwd", "ftp://example.org/a.json",
            "gopher://example.org:70/", "jar:file:/tmp/x.jar!/a.json", "data:application/json,%7B%7D",
            "mailto:a@example.org", "http://user:secret@example.org/", "http://127.1/", "http://exa_mple.org/",
            "https://example.org:99999/", "/relative/path",
            // Not host names by RFC 2396 (the last label starts with a digit), so never looked up either.
            "http://0x7f.1/", "http://0177.0.1/", "http://0xa9.0xfe.0xa9.0xfe/"})
    @HostileInput({"F1", "F4"})
    void refusesUnsupportedUrls(String url) {
        assertFailure(new HttpDocumentFetcher(FetchPolicy.defaults()), url, Expect.JSON, Reason.UNSUPPORTED_URL);
    }

    @Test
    @HostileInput("F1")
    void postRefusesLoopbackByDefaultWithoutConnecting() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(FetchPolicy.defaults());

        assertThatThrownBy(() -> fetcher.post(URI.create(base + "/echo"), Map.of(), "application/json", bytes("{}"), 100))
                .isInstanceOfSatisfying(FetchFailed.class, f -> assertThat(f.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS));
        assertThatThrownBy(() -> fetcher.check(URI.create("https://10.0.0.1/hook")))
                .isInstanceOfSatisfying(FetchFailed.class, f -> assertThat(f.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS));
        assertThat(hits).hasValue(0);
    }

    @Test
    void postsWithHeadersAndAnswersWhateverStatusCame() throws FetchFailed {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL);

        HttpDocumentFetcher.Answer echoed = fetcher.post(URI.create(base + "/echo"), Map.of("webhook-id", "msg_1"),
                "application/json", bytes("{\"a\":1}"), 100);
        HttpDocumentFetcher.Answer busy = fetcher.post(URI.create(base + "/error"), Map.of(), "application/json",
                bytes("{}"), 100);
        HttpDocumentFetcher.Answer moved = fetcher.post(URI.create(base + "/to-private"), Map.of(), "application/json",
                bytes("{}"), 100);

        assertThat(echoed.status()).isEqualTo(202);
        assertThat(new String(echoed.bodyStart(), StandardCharsets.UTF_8)).isEqualTo("POST msg_1 {\"a\":1}");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.bodyStart()).isEqualTo(bytes("busy"));
        // A redirect is the answer, never followed: the private address behind it is not reached.
        assertThat(moved.status()).isEqualTo(302);
        assertThat(hits).hasValue(3);
    }

    @Test
    void getsWithHeadersAndNeverFollowsARedirect() throws FetchFailed {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL);

        HttpDocumentFetcher.Reply echoed = fetcher.get(URI.create(base + "/echo"), Map.of("webhook-id", "msg_2"), 100);
        HttpDocumentFetcher.Reply moved = fetcher.get(URI.create(base + "/to-private"),
                Map.of("Authorization", "Bearer secret"), 100);

        assertThat(echoed.status()).isEqualTo(202);
        assertThat(echoed.body()).isEqualTo(bytes("GET msg_2 "));
        assertThat(echoed.header("CONTENT-TYPE")).hasValue("text/plain");
        // The token went to the address asked, never to where the redirect points.
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.header("location")).hasValue("http://10.0.0.1/internal");
        assertThatThrownBy(() -> fetcher.get(URI.create(base + "/huge"), Map.of(), 64))
                .isInstanceOfSatisfying(FetchFailed.class, f -> assertThat(f.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    @HostileInput("F5")
    void postKeepsOnlyTheStartOfAHugeAnswer() throws FetchFailed {
        long started = System.nanoTime();
        HttpDocumentFetcher.Answer answer = new HttpDocumentFetcher(LOCAL).post(URI.create(base + "/huge"), Map.of(),
                "application/json", bytes("{}"), 64);

        assertThat(answer.bodyStart()).hasSize(64);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @HostileInput("F1")
    void refusesPrivateRangesEvenWhenLoopbackIsAllowed() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL);

        for (String url : List.of("http://10.0.0.1/", "http://192.168.0.1/", "http://0.0.0.0/",
                "http://169.254.169.254/")) {
            assertFailure(fetcher, url, Expect.JSON, Reason.FORBIDDEN_ADDRESS);
        }
    }

    @Test
    void fetchesJsonWhenLoopbackIsAllowed() throws FetchFailed {
        FetchedDocument document = new HttpDocumentFetcher(LOCAL).fetch(URI.create(base + "/json"), Expect.JSON);

        assertThat(document.bodyAsString()).isEqualTo(ASSERTION);
        assertThat(document.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(document.finalUri()).isEqualTo(URI.create(base + "/json"));
        assertThat(hits).hasValue(1);
    }

    @Test
    void asksForJsonLdFirst() throws FetchFailed {
        FetchedDocument document = new HttpDocumentFetcher(LOCAL).fetch(URI.create(base + "/assertion"), Expect.JSON);

        assertThat(document.bodyAsString()).isEqualTo("application/ld+json, application/json;q=0.9");
    }

    @Test
    void acceptsStructuredJsonTypesAndImages() throws FetchFailed {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL);

        assertThat(fetcher.fetch(URI.create(base + "/vc"), Expect.JSON).contentType())
                .isEqualTo("application/vc+ld+json");
        assertThat(fetcher.fetch(URI.create(base + "/png"), Expect.IMAGE).body()).hasSize(4);
        assertThat(fetcher.fetch(URI.create(base + "/html"), Expect.ANY).bodyAsString()).isEqualTo("<html></html>");
    }

    @Test
    @HostileInput("F5")
    void refusesUnexpectedContentTypes() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL);

        assertFailure(fetcher, base + "/html", Expect.JSON, Reason.UNEXPECTED_CONTENT_TYPE);
        assertFailure(fetcher, base + "/json", Expect.IMAGE, Reason.UNEXPECTED_CONTENT_TYPE);
        assertFailure(fetcher, base + "/none", Expect.JSON, Reason.UNEXPECTED_CONTENT_TYPE);
    }

    @Test
    @HostileInput("F5")
    void stopsReadingAHugeBodyQuickly() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL);
        long start = System.nanoTime();

        FetchFailed failed = assertFailure(fetcher, base + "/huge", Expect.JSON, Reason.TOO_LARGE);
        assertFailure(fetcher, base + "/huge-declared", Expect.JSON, Reason.TOO_LARGE);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(failed.args()).containsExactly(base + "/huge", 2 * 1024 * 1024);
    }

    @Test
    @HostileInput("F5")
    void givesUpOnASlowDripWithinTheDeadline() {
        long start = System.nanoTime();

        assertFailure(new HttpDocumentFetcher(LOCAL_IMPATIENT), base + "/drip", Expect.JSON, Reason.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    @HostileInput("F5")
    void givesUpOnSlowHeadersWithinTheDeadline() {
        long start = System.nanoTime();

        FetchFailed failed = assertFailure(new HttpDocumentFetcher(LOCAL_IMPATIENT), base + "/slow-headers",
                Expect.JSON, Reason.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(failed.isOutage()).isTrue();
    }

    @Test
    void followsRedirectsUpToTheLimit() throws FetchFailed {
        FetchedDocument document = new HttpDocumentFetcher(LOCAL).fetch(URI.create(base + "/hops/2"), Expect.JSON);

        assertThat(document.requested()).isEqualTo(URI.create(base + "/hops/2"));
        assertThat(document.finalUri()).isEqualTo(URI.create(base + "/json"));
        assertThat(document.bodyAsString()).isEqualTo(ASSERTION);
    }

    @Test
    void resolvesRelativeRedirects() throws FetchFailed {
        assertThat(new HttpDocumentFetcher(LOCAL).fetch(URI.create(base + "/relative"), Expect.JSON).finalUri())
                .isEqualTo(URI.create(base + "/json"));
    }

    @Test
    @HostileInput("F3")
    void refusesARedirectChainLongerThanAllowed() {
        assertFailure(new HttpDocumentFetcher(LOCAL), base + "/hops/3", Expect.JSON, Reason.TOO_MANY_REDIRECTS);

        assertThat(hits).hasValue(4); // the first request and three redirects, never the fifth
        assertThat(hitsByPath).doesNotContainKey("/json");
    }

    /**
     * The bound production runs with ({@link FetchPolicy#defaults()}, which {@code insigne.fetch.max-redirects}
     * repeats) and the catalogue's ceiling of 5, each followed to its last hop and refused one hop further.
     */
    @ParameterizedTest
    @ValueSource(ints = {-1, 5})
    @HostileInput("F3")
    void followsExactlyTheAllowedRedirectsAndRefusesOneMore(int configured) throws FetchFailed {
        FetchPolicy production = FetchPolicy.defaults();
        assertThat(production.maxRedirects()).as("the catalogue allows at most 5 redirects").isBetween(1, 5);
        int limit = configured < 0 ? production.maxRedirects() : configured;
        FetchPolicy policy = new FetchPolicy(production.timeout(), production.maxJsonBytes(),
                production.maxImageBytes(), limit, true);

        // /hops/n answers with n + 1 redirects before the document
        assertThat(new HttpDocumentFetcher(policy).fetch(URI.create(base + "/hops/" + (limit - 1)), Expect.JSON)
                .finalUri()).isEqualTo(URI.create(base + "/json"));
        assertThat(hits).hasValue(limit + 1);

        hits.set(0);
        hitsByPath.clear();
        assertFailure(new HttpDocumentFetcher(policy), base + "/hops/" + limit, Expect.JSON,
                Reason.TOO_MANY_REDIRECTS);
        assertThat(hits).hasValue(limit + 1);
        assertThat(hitsByPath).doesNotContainKey("/json");
    }

    @Test
    @HostileInput("F3")
    void refusesARedirectLoop() {
        assertFailure(new HttpDocumentFetcher(LOCAL), base + "/loop", Expect.JSON, Reason.TOO_MANY_REDIRECTS);

        assertThat(hits).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/to-private", "/to-metadata", "/to-loopback-name"})
    @HostileInput("F3")
    void refusesRedirectsToInternalAddressesBeforeConnecting(String path) {
        FetchFailed failed = assertFailure(new HttpDocumentFetcher(LOCAL), base + path, Expect.JSON,
                Reason.FORBIDDEN_ADDRESS);

        assertThat(failed.uri().getHost()).isNotEqualTo("127.0.0.1");
        assertThat(hits).hasValue(1);
    }

    @Test
    @HostileInput({"F3", "F4"})
    void refusesRedirectsToOtherSchemesOrUserInfo() {
        assertFailure(new HttpDocumentFetcher(LOCAL), base + "/to-file", Expect.JSON, Reason.UNSUPPORTED_URL);
        assertFailure(new HttpDocumentFetcher(LOCAL), base + "/to-userinfo", Expect.JSON, Reason.UNSUPPORTED_URL);
    }

    @Test
    void surfacesGoneWithItsStatus() {
        FetchFailed failed = assertFailure(new HttpDocumentFetcher(LOCAL), base + "/gone", Expect.JSON,
                Reason.HTTP_STATUS);

        assertThat(failed.args()).first().isEqualTo(410);
        assertThat(failed.isOutage()).isFalse();
        assertThat(failed.body()).hasValueSatisfying(body -> assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{}"));
    }

    @Test
    void keepsNoBodyWithOtherErrorStatuses() {
        FetchFailed failed = assertFailure(new HttpDocumentFetcher(LOCAL), base + "/error", Expect.JSON,
                Reason.HTTP_STATUS);

        assertThat(failed.body()).isEmpty();
    }

    @Test
    void reportsServerErrorsAsOutages() {
        FetchFailed failed = assertFailure(new HttpDocumentFetcher(LOCAL), base + "/error", Expect.JSON,
                Reason.HTTP_STATUS);

        assertThat(failed.args()).first().isEqualTo(503);
        assertThat(failed.isOutage()).isTrue();
    }

    @Test
    @HostileInput({"F1", "F2"})
    void refusesANameWhenAnyOfItsAddressesIsPrivate() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL, host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})});

        assertFailure(fetcher, "http://badge.test:" + server.getAddress().getPort() + "/json", Expect.JSON,
                Reason.FORBIDDEN_ADDRESS);
        assertThat(hits).hasValue(0);
    }

    @Test
    @HostileInput("F2")
    void connectsOnlyToTheAddressThatWasChecked() throws FetchFailed {
        // A rebinding name: first answer acceptable, every later answer private. One lookup per hop, then the
        // connection goes to the address that was checked.
        AtomicInteger lookups = new AtomicInteger();
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL, host -> new InetAddress[] {
                InetAddress.getByAddress(host, lookups.getAndIncrement() == 0 ? new byte[] {127, 0, 0, 1}
                        : new byte[] {10, 0, 0, 1})});

        FetchedDocument document = fetcher.fetch(
                URI.create("http://badge.test:" + server.getAddress().getPort() + "/json"), Expect.JSON);

        assertThat(document.bodyAsString()).isEqualTo(ASSERTION);
        assertThat(lookups).hasValue(1);
        assertThat(hits).hasValue(1);
    }

    @Test
    void reportsUnknownHostsAsUnreachable() {
        HttpDocumentFetcher fetcher = new HttpDocumentFetcher(LOCAL, host -> {
            throw new UnknownHostException(host);
        });

        FetchFailed failed = assertFailure(fetcher, "https://nowhere.test/a", Expect.JSON, Reason.UNREACHABLE);
        assertThat(failed.isOutage()).isTrue();
    }

    @Test
    void reportsRefusedConnectionsAsUnreachable() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertFailure(new HttpDocumentFetcher(LOCAL), "http://127.0.0.1:" + port + "/", Expect.JSON,
                Reason.UNREACHABLE);
    }

    private static FetchFailed assertFailure(DocumentFetcher fetcher, String url, Expect expect, Reason reason) {
        try {
            fetcher.fetch(URI.create(url), expect);
        } catch (FetchFailed failed) {
            assertThat(failed.reason()).as(url).isEqualTo(reason);
            return failed;
        }
        throw new AssertionError("expected " + reason + " for " + url);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** 10 MB of JSON-looking bytes, chunked when {@code declaredLength} is 0. */
    private static void stream(HttpExchange exchange, long declaredLength) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, declaredLength);
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) ' ');
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 160; i++) {
            out.write(block);
        }
    }

    private static void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 100; i++) {
            out.write(' ');
            out.flush();
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
