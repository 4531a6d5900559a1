package org.insigne.web.issuer;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.InsigneApplication;
import org.insigne.web.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (Surefire runs only {@code *Tests} classes): the bulk award benchmark. It starts the application
 * as shipped (embedded PostgreSQL, development mail outbox, generated master key) on a free port, then, over
 * real HTTP like a browser, signs in, uploads a generated CSV file of {@code -Dbulk.rows} rows (10,000 by
 * default), confirms it, and polls the progress endpoint until the job is done: every badge stored and
 * signed, every mail queued in the outbox table (sent afterwards, not measured). A first file of
 * {@code -Dbulk.warmup} rows (2,000 by default; 0 for none) brings the fresh JVM to a running server's state
 * first. Run it with
 * {@code ./mvnw -o -pl badge-web -am test -Dtest=BulkAwardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = InsigneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkAwardBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("insigne-bench").toString();
        registry.add("insigne.data-dir", () -> dir);
        // The earners' mails are measured as queued in the outbox table; sending them comes after the job and is
        // left out, so that the warm-up file's mails do not take processor time from the measured file.
        registry.add("insigne.bulk.mail-delay", () -> "1h");
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired OrganisationService organisations;
    @Autowired BadgeClassService badgeClasses;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void issueGeneratedFile() throws Exception {
        int rows = Integer.getInteger("bulk.rows", 10_000);
        int warmup = Integer.getInteger("bulk.warmup", 2_000);
        String email = "bench." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String csrf = csrf(get("/signup"));
        post("/signup", "_csrf=" + csrf + "&email=" + email + "&displayName=Bench&password=une+phrase+de+passe+solide");
        jdbc.update("update user_account set email_confirmed_at = now() where email = ?", email);
        UUID user = accounts.loadUserByUsername(email).withoutPassword().id();
        OrganisationId organisation = organisations.create(user, "Banc d'essai").id();
        BadgeClassId badgeClass = badgeClasses.create(organisation, user, ConsoleFixture.content("Animer une réunion"),
                ConsoleFixture.PNG).id();
        badgeClasses.publish(organisation, badgeClass, user);
        post("/login", "_csrf=" + csrf(get("/login")) + "&username=" + email + "&password=une+phrase+de+passe+solide");

        if (warmup > 0) {
            // A server that has been running has its code compiled by the JIT and its organisations' keys made;
            // a first, smaller file of another badge class brings this fresh JVM there. Its figures are printed
            // too, as the cold start.
            BadgeClassId first = badgeClasses.create(organisation, user, ConsoleFixture.content("Tenir une caisse"),
                    ConsoleFixture.PNG).id();
            badgeClasses.publish(organisation, first, user);
            issue(organisation, first, warmup, "chauffe", "warm-up (cold JVM)");
        }
        issue(organisation, badgeClass, rows, "personne", warmup > 0 ? "measured (after warm-up)" : "measured (cold JVM)");
    }

    private void issue(OrganisationId organisation, BadgeClassId badgeClass, int rows, String prefix, String label)
            throws Exception {
        StringBuilder csv = new StringBuilder("courriel;nom;niveau;preuve\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append("@example.org;Personne ").append(i)
                    .append(";Je fais;https://example.org/preuves/").append(i).append('\n');
        }
        String bulk = "/console/organisations/" + organisation.value() + "/badge-classes/" + badgeClass.value() + "/bulk";
        String uploadCsrf = csrf(get(bulk));
        Integer queuedBefore = jdbc.queryForObject("select count(*) from bulk_award_row where status = 'ISSUED'",
                Integer.class);

        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long databaseCpuStart = databaseCpuNanos();
        long start = System.nanoTime();
        String boundary = "----insigne" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + uploadCsrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(uri(bulk))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String job = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
        String preview = get(job);
        long previewed = System.nanoTime();
        assertThat(preview).contains("Décerner");
        assertThat(post(job + "/confirm", "_csrf=" + csrf(preview)).statusCode()).isEqualTo(302);
        String progress;
        do {
            Thread.sleep(250);
            progress = get(job + "/progress");
        } while (!progress.contains("\"finished\":true"));
        long finished = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpuStart;
        long databaseCpu = databaseCpuNanos() - databaseCpuStart;
        Integer issued = jdbc.queryForObject("select count(*) from award where badge_class_id = ?", Integer.class,
                badgeClass.value());
        // Mails are queued (stored in the outbox table) within the measured time; they are sent afterwards by a
        // background thread, so sending is not measured.
        Integer queued = jdbc.queryForObject("select count(*) from bulk_award_row where status = 'ISSUED'",
                Integer.class) - queuedBefore;
        System.out.printf("BENCHMARK bulk award, %s: %d rows, %d awards stored and signed, %d mails queued;"
                        + " upload + preview %.1f s, confirm to done %.1f s, end to end %.1f s (%d processors);"
                        + " application JVM CPU time %.1f s; PostgreSQL CPU time %.1f s; load average %.1f%n",
                label, rows, issued, queued, (previewed - start) / 1e9, (finished - previewed) / 1e9,
                (finished - start) / 1e9, Runtime.getRuntime().availableProcessors(), cpu / 1e9,
                databaseCpu / 1e9, os.getSystemLoadAverage());
        assertThat(issued).isEqualTo(rows);
        assertThat(queued).isEqualTo(rows);
    }

    /**
     * CPU time of the embedded PostgreSQL server: its postmaster (the parent of this connection's backend) and
     * the processes under it still alive, which include the pooled connections' backends.
     */
    private long databaseCpuNanos() {
        Long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(postmaster ->
                java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
                        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum())
                .orElse(0L);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in page");
        }
        return m.group(1);
    }
}
