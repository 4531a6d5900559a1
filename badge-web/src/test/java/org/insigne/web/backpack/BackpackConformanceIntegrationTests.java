package org.insigne.web.backpack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.testing.SharedConformance;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Every {@code valid} and {@code invalid} row of {@code shared/conformance/MANIFEST.tsv}, uploaded as a file
 * through the backpack's import form: a valid badge is kept, or refused only because it names another
 * recipient (with that message); an invalid one is refused with its reason and nothing is stored. The
 * application's verifier is replaced by one whose fetcher serves the corpus copies of the network documents
 * (1EdTech's example.org assets, DCC status lists and DID documents) and nothing else: a row that still needs
 * the network ends indeterminate and is skipped, saying so. Results per source go to
 * {@code target/backpack-conformance.tsv}, from which {@code docs/interoperability.md} is written.
 */
@InsigneIntegrationTest
class BackpackConformanceIntegrationTests {

    /** After the newest fixture was issued, as the core conformance tests, so that expired rows stay expired. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final Baker BAKER = new Baker(BakingLimits.defaults());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> RESULTS = new TreeMap<>();

    /** Rows that are not badges, or where the core verifier differs from the corpus on purpose (see its tests). */
    private static final Map<String, String> NOT_IMPORTED = Map.of(
            "1edtech-dcpv/ob30/simple-did-key-method.json",
            "deliberate: signed by did:key while the issuer is a urn:uuid (Ob3ConformanceTests)",
            "1edtech-dcpv/ob30/simple.jwt",
            "deliberate: pre-release context never fetched (Ob3ConformanceTests)",
            "1edtech-dcpv/ob20/assertion-with-extension-node-invalid.json",
            "needs an extension JSON schema from w3id.org, never fetched (Ob2ConformanceTests)");

    @TestBean
    Verifier verifier;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    static Verifier verifier() {
        return new Verifier(new CorpusFetcher(conformance()), BAKER, CLOCK);
    }

    static Path conformance() {
        return SharedConformance.dir();
    }

    record Row(String path, String spec, String form, String expected, String why, String source) {
    }

    @TestFactory
    Stream<DynamicTest> importsValidRowsAndRefusesInvalidOnes() throws IOException {
        Path dir = SharedConformance.corpus();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            if (c.length >= 6 && (c[3].equals("valid") || c[3].equals("invalid"))) {
                Row row = new Row(c[0], c[1], c[2], c[3], c[4], c[5].replaceAll("@[0-9a-f]{40}:.*", ""));
                tests.add(DynamicTest.dynamicTest(row.expected() + " " + row.path(), () -> check(dir, row)));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    /**
     * The status list credentials of the corpus (rows under {@code statusLists/}, none of them a badge) are
     * refused as such, in the user's language, whether their own proof holds or not: a backpack holds badges.
     */
    @Test
    void refusesAStatusListSayingItIsNotABadge() throws Exception {
        Path dir = SharedConformance.corpus();
        List<String[]> lists = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream()
                .map(line -> line.split("\t", -1))
                .filter(c -> c.length >= 6 && c[0].contains("/statusLists/")).toList();
        assertThat(lists).as("status lists in the corpus").isNotEmpty()
                .anySatisfy(c -> assertThat(c[3]).isEqualTo("valid"));

        for (String[] row : lists) {
            byte[] bytes = Files.readAllBytes(dir.resolve(row[0]));
            CorpusFetcher.serveItself(bytes);
            for (String[] language : new String[][] {{"en", "This document is a status list, not a badge."},
                    {"fr", "Ce document est une liste de statuts, pas un badge."}}) {
                AccountUser earner = new AccountUser(UUID.randomUUID(),
                        "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Camille Martin",
                        "", true, false);
                MvcResult started = mvc.perform(multipart("/backpack/import")
                        .file(new MockMultipartFile("file", "list.json", "application/json", bytes))
                        .param("lang", language[0]).with(csrf()).with(user(earner))).andReturn();
                MockHttpServletResponse response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();

                assertThat(response.getStatus()).as(row[0]).isEqualTo(400);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(row[0]).contains(language[1]);
                assertThat(jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class,
                        earner.id())).isZero();
            }
        }
    }

    private void check(Path dir, Row row) throws Exception {
        if (row.path().startsWith("w3c-vc-di-eddsa/") || row.path().contains("/statusLists/")
                || row.path().endsWith("/testlist")) {
            skip(row, "not a badge (a test vector or a status list)");
        }
        if (NOT_IMPORTED.containsKey(row.path())) {
            skip(row, NOT_IMPORTED.get(row.path()));
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(row.path()));
        CorpusFetcher.serveItself(bytes);
        VerificationReport report = verifier.verify(VerificationRequest.ofFile(bytes));
        String unverifiable = report.verdict() == Verdict.INDETERMINATE ? whyIndeterminate(report) : null;
        if (unverifiable != null && row.expected().equals("invalid")) {
            skip(row, unverifiable);
        }
        AccountUser earner = new AccountUser(UUID.randomUUID(), plainRecipient(bytes), "Camille Martin", "", true, false);

        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge", "application/octet-stream", bytes))
                .param("lang", "en").with(csrf()).with(user(earner))).andReturn();
        MockHttpServletResponse response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        long stored = jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class,
                earner.id());

        assertThat(response.getStatus()).as(row.path() + " never a server error").isLessThan(500);
        if (row.expected().equals("valid")) {
            boolean kept = response.getStatus() == 302;
            boolean notAwarded = report.checks().stream()
                    .anyMatch(c -> c.messageKey().startsWith("ob2.document-kind."));
            if (kept) {
                assertThat(stored).isEqualTo(1);
                String status = jdbc.queryForObject("select status from backpack_badge where owner_id = ?",
                        String.class, earner.id());
                assertThat(status).as(row.path()).isIn("VERIFIED", "UNVERIFIED");
                record(row, status.equals("VERIFIED") ? "imported, verified"
                        : "imported, shown as not verified: " + unverifiable);
            } else if (notAwarded) {
                // A valid BadgeClass or Issuer document, but nobody's badge: nothing a backpack could hold.
                assertThat(page).contains("is not a badge awarded to someone");
                assertThat(stored).isZero();
                record(row, "refused: a BadgeClass or Issuer document, not an awarded badge");
            } else {
                assertThat(page).as(row.path() + " refused only for its recipient")
                        .contains("This badge was issued to another address than yours");
                assertThat(stored).isZero();
                record(row, "refused: awarded to another address");
            }
        } else {
            assertThat(response.getStatus()).as(row.path() + " (" + row.why() + ") refused").isEqualTo(400);
            assertThat(page).as(row.path() + " says why").contains("error-summary")
                    .doesNotContain("This badge was issued to another address than yours");
            assertThat(stored).isZero();
            record(row, "refused as invalid");
        }
    }

    /** Why a verification stayed indeterminate, in the words of the interoperability notes. */
    private static String whyIndeterminate(VerificationReport report) {
        List<String> keys = report.checks().stream()
                .filter(c -> c.status() != org.insigne.core.verification.CheckStatus.PASSED)
                .map(c -> c.messageKey()).toList();
        if (keys.contains("ob3.status.list-unverifiable")) {
            return "the status list's own proof cannot be checked offline (its key is not in the corpus)";
        }
        if (keys.stream().anyMatch(k -> k.startsWith("did.key-not-resolved"))) {
            return "the issuer's key document is not in the corpus (network needed)";
        }
        return "needs the network: " + keys;
    }

    private static void skip(Row row, String reason) {
        record(row, "skipped: " + reason);
        Assumptions.abort(reason);
    }

    private static synchronized void record(Row row, String outcome) {
        RESULTS.put(row.path(), row.source() + "\t" + row.spec() + "\t" + row.form() + "\t" + row.expected() + "\t"
                + outcome);
    }

    /** The recipient a sample names in plain text (OB 2.0 unhashed identity, OB 3.0 mailto: or plain e-mail). */
    private static String plainRecipient(byte[] bytes) {
        String fallback = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try {
            String text = ImageFormat.sniff(bytes).isPresent() ? BAKER.unbake(bytes).text()
                    : new String(bytes, StandardCharsets.UTF_8);
            text = text.strip();
            if (!text.startsWith("{")) {
                return fallback;
            }
            JsonNode json = JSON.readTree(text);
            JsonNode recipient = json.get("recipient");
            if (recipient != null && !recipient.path("hashed").asBoolean(false)
                    && recipient.path("identity").isString()) {
                return recipient.path("identity").stringValue();
            }
            JsonNode subject = json.path("credentialSubject");
            if (subject.path("id").isString() && subject.path("id").stringValue().startsWith("mailto:")) {
                return subject.path("id").stringValue().substring("mailto:".length());
            }
            for (JsonNode identifier : subject.path("identifier")) {
                if (!identifier.path("hashed").asBoolean(true) && identifier.path("identityHash").isString()) {
                    return identifier.path("identityHash").stringValue();
                }
            }
        } catch (Exception unreadable) {
            // not JSON we can read: the verifier will say what it is
        }
        return fallback;
    }

    @AfterAll
    static void writeResults() throws IOException {
        Path out = Path.of("target", "backpack-conformance.tsv");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("path\tsource\tspec\tform\texpected\toutcome");
        RESULTS.forEach((path, rest) -> lines.add(path + "\t" + rest));
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    /**
     * Serves copies of the documents the corpus samples point at: 1EdTech's {@code ob20/assets} as example.org,
     * the DCC status lists and DID documents, the 1EdTech bit-string test list. Anything else is unreachable.
     */
    static final class CorpusFetcher implements DocumentFetcher {

        private final Map<String, FetchedDocument> documents = new HashMap<>();

        CorpusFetcher(Path dir) {
            if (!Files.isDirectory(dir)) {
                return;
            }
            for (String root : List.of("http://example.org", "https://example.org", "http://example.org/")) {
                put(root, "text/html", "<!doctype html><title>Example Domain</title>".getBytes(StandardCharsets.UTF_8));
            }
            try (Stream<Path> files = Files.list(dir.resolve("1edtech-dcpv/ob20/assets"))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    String type = name.endsWith(".png") ? "image/png"
                            : name.endsWith(".html") ? "text/html" : "application/ld+json";
                    for (String scheme : List.of("http", "https")) {
                        put(scheme + "://example.org/" + name, type, Files.readAllBytes(file));
                    }
                }
                Path dcc = dir.resolve("dcc-vc-test-fixtures");
                for (String name : List.of("e5WK8CbZ1GjycuPombrj", "expired", "notYetValid", "tampered",
                        "missingBitStringType")) {
                    byte[] list = Files.readAllBytes(dcc.resolve("statusLists/didkey-ed25519Signature2020/" + name));
                    put("https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/"
                            + name, "application/json", list);
                    put("https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/"
                            + name, "application/json", list);
                }
                for (String name : List.of("legacy", "oidf")) {
                    put("https://digitalcredentials.github.io/vc-test-fixtures/dids/" + name + "/did.json",
                            "application/json", Files.readAllBytes(dcc.resolve("dids/" + name + "/did.json")));
                }
                put("https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
                        "application/json", Files.readAllBytes(dir.resolve("1edtech-dcpv/ob30/bit-string-list/testlist")));
            } catch (IOException unreadable) {
                throw new java.io.UncheckedIOException(unreadable);
            }
        }

        /**
         * The sample being imported, when it is a hosted OB 2.0 document on example.org with no asset: the
         * issuer serves the sample itself. One row at a time, as the tests run in order.
         */
        static volatile @org.jspecify.annotations.Nullable FetchedDocument itself;

        static void serveItself(byte[] bytes) {
            itself = null;
            try {
                String text = ImageFormat.sniff(bytes).isPresent() ? BAKER.unbake(bytes).text()
                        : new String(bytes, StandardCharsets.UTF_8);
                JsonNode id = JSON.readTree(text.strip()).get("id");
                if (id != null && id.isString() && id.stringValue().contains("://example.org/")) {
                    URI uri = URI.create(id.stringValue());
                    itself = new FetchedDocument(uri, uri, "application/ld+json", text.getBytes(StandardCharsets.UTF_8));
                }
            } catch (Exception notJson) {
                // a JWS, or not a document: nothing to serve
            }
        }

        private void put(String uri, String type, byte[] body) {
            URI address = URI.create(uri);
            documents.put(uri, new FetchedDocument(address, address, type, body));
        }

        @Override
        public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
            FetchedDocument document = documents.get(uri.toString());
            FetchedDocument sample = itself;
            if (document == null && sample != null && sample.requested().equals(uri)) {
                document = sample;
            }
            if (document == null) {
                throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE);
            }
            return document;
        }
    }
}
