import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mixed load on a running Insigne (see run.sh): clients, each in its own thread with its own session, for a
 * duration, each request one of four kinds drawn at random: the anonymous public badge page (55 %), a
 * verification through the API (15 %), the signed-in earner's backpack (20 %), an award through the issuer
 * API (10 %). Prints, per kind, the count, each status's count, p50/p99/max latency, and the errors: any answer
 * other than the kind's expected ones (429 is expected where a rate limit applies: verifications and the API).
 * Exits 1 if there was any error. Java 17, no dependency:
 *   java bench/soak/SoakClient.java BASE TOKEN BADGE_CLASS EARNER PASSWORD AWARDS [clients=50] [seconds=300]
 */
public class SoakClient {

    enum Kind {
        PAGE(55, Set.of(200)), VERIFY(15, Set.of(200, 429)), BACKPACK(20, Set.of(200)), AWARD(10, Set.of(201, 429));

        final int weight;
        final Set<Integer> expected;

        Kind(int weight, Set<Integer> expected) {
            this.weight = weight;
            this.expected = expected;
        }
    }

    record Sample(Kind kind, int status, long nanos) {
    }

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String badgeClass = args[2];
        String earner = args[3];
        String password = args[4];
        long awards = Long.parseLong(args[5]);
        int clients = args.length > 6 ? Integer.parseInt(args[6]) : 50;
        long seconds = args.length > 7 ? Long.parseLong(args[7]) : 300;
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                // the earner's session for the backpack; no cookie at all for the rest, as other readers send
                HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
                HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER).build();
                try {
                    logIn(signedIn, base, earner, password);
                } catch (Exception e) {
                    failures.computeIfAbsent("login: " + e, k -> new AtomicLong()).incrementAndGet();
                    return;
                }
                while (System.nanoTime() < deadline) {
                    Kind kind = draw();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = send(kind == Kind.BACKPACK ? signedIn : anonymous, kind, base, token, badgeClass,
                                awards);
                    } catch (Exception e) {
                        failures.computeIfAbsent(kind + ": " + e.getClass().getSimpleName(), k -> new AtomicLong())
                                .incrementAndGet();
                        continue;
                    }
                    samples.add(new Sample(kind, status, System.nanoTime() - start));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long errors = failures.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("%d clients, %d s, %d requests%n", clients, seconds, samples.size());
        for (Kind kind : Kind.values()) {
            List<Long> nanos = new ArrayList<>();
            Map<Integer, Long> statuses = new TreeMap<>();
            long unexpected = 0;
            synchronized (samples) {
                for (Sample s : samples) {
                    if (s.kind() == kind) {
                        nanos.add(s.nanos());
                        statuses.merge(s.status(), 1L, Long::sum);
                        if (!kind.expected.contains(s.status())) {
                            unexpected++;
                        }
                    }
                }
            }
            Collections.sort(nanos);
            errors += unexpected;
            System.out.printf("%-8s %7d requests  statuses %s  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms  errors %d%n",
                    kind, nanos.size(), statuses, ms(nanos, 0.50), ms(nanos, 0.99), ms(nanos, 1.0), unexpected);
        }
        failures.forEach((what, n) -> System.out.println("failed: " + what + " x" + n));
        System.out.println("errors (other than the expected 429s): " + errors);
        System.exit(errors == 0 ? 0 : 1);
    }

    static Kind draw() {
        int r = ThreadLocalRandom.current().nextInt(100);
        for (Kind kind : Kind.values()) {
            if ((r -= kind.weight) < 0) {
                return kind;
            }
        }
        return Kind.PAGE;
    }

    static String randomBadge(String base, long awards) {
        long i = 1 + ThreadLocalRandom.current().nextLong(awards);
        return base + "/ob2/assertions/00000000-0000-4000-8000-" + String.format("%012x", i);
    }

    static int send(HttpClient http, Kind kind, String base, String token, String badgeClass, long awards)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = switch (kind) {
            case PAGE -> HttpRequest.newBuilder(URI.create(randomBadge(base, awards))).header("Accept", "text/html");
            case VERIFY -> HttpRequest.newBuilder(URI.create(base + "/api/v1/verifications"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + randomBadge(base, awards) + "\"}"));
            case BACKPACK -> HttpRequest.newBuilder(URI.create(base + "/backpack"));
            case AWARD -> HttpRequest.newBuilder(URI.create(base + "/api/v1/awards"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"badgeClass\": \"" + badgeClass
                            + "\", \"recipient\": {\"email\": \"soak-" + UUID.randomUUID()
                            + "@example.org\", \"name\": \"Personne\"}, \"level\": \"Je fais\"}"));
        };
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode();
    }

    static void logIn(HttpClient http, String base, String email, String password) throws Exception {
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "_csrf=" + enc(csrf.group(1)) + "&username=" + enc(email) + "&password=" + enc(password);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login refused: " + answer.statusCode() + " " + location);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(index, 0)) / 1e6;
    }
}
