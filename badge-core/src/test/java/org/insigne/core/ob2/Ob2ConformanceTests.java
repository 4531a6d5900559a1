package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.insigne.core.baking.ImageFormat;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.Baker;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.verification.BadgeView;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;

/**
 * Every OB 2.0 row of the shared conformance manifest whose expected result is {@code valid} or
 * {@code invalid} must get that verdict. Rows that need https://example.org are served offline from the
 * 1EdTech validator's {@code ob20/assets/} folder, as its own test harness does; a hosted sample whose id
 * is on example.org but has no asset is served as itself (the issuer hosts exactly what was given).
 */
class Ob2ConformanceTests {

    private static final Baker BAKER =
            new Baker(BakingLimits.defaults());
    private static final AtomicInteger VALID_OK = new AtomicInteger();
    private static final AtomicInteger INVALID_OK = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();

    /** Rows that need something no offline test can provide, with the reason. */
    private static final Map<String, String> UNSERVABLE = Map.of(
            "1edtech-dcpv/ob20/assertion-with-extension-node-invalid.json",
            "needs the extension's JSON schema from w3id.org, which is never fetched and not bundled");

    record Row(String path, String form, String expected, String why) {
    }

    @TestFactory
    Stream<DynamicTest> verdictsMatchTheManifest() throws IOException {
        Path conformance = SharedConformance.corpus();
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(conformance.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t", -1);
            if (cells.length >= 5 && "ob2".equals(cells[1])
                    && ("valid".equals(cells[3]) || "invalid".equals(cells[3]))) {
                rows.add(new Row(cells[0], cells[2], cells[3], cells[4]));
            }
        }
        assertThat(rows).isNotEmpty();
        Map<URI, FetchedDocument> assets = assets(conformance.resolve("1edtech-dcpv/ob20/assets"));
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.expected() + " " + row.path(),
                () -> check(conformance, row, assets)));
    }

    private static void check(Path conformance, Row row, Map<URI, FetchedDocument> assets) throws IOException {
        String unservable = UNSERVABLE.get(row.path());
        if (unservable != null) {
            SKIPPED.incrementAndGet();
            Assumptions.abort(unservable);
        }
        byte[] bytes = Files.readAllBytes(conformance.resolve(row.path()));
        Map<URI, FetchedDocument> documents = new HashMap<>(assets);
        servedAsItself(bytes).ifPresent(id -> documents.putIfAbsent(id, OfflineDocumentFetcher.json(id,
                new String(payloadOf(bytes), StandardCharsets.UTF_8))));
        Verifier verifier = new Verifier(new OfflineDocumentFetcher(documents), BAKER, Clock.systemUTC());

        VerificationReport report = verifier.verify(VerificationRequest.ofFile(bytes));

        if (Boolean.getBoolean("conformance.print")) {
            System.out.println("### " + row.path() + "\n" + describe(report));
        }
        Verdict expected = "valid".equals(row.expected()) ? Verdict.VALID : Verdict.INVALID;
        assertThat(report.verdict()).as(() -> row.path() + " (" + row.why() + ")\n" + describe(report))
                .isEqualTo(expected);
        (expected == Verdict.VALID ? VALID_OK : INVALID_OK).incrementAndGet();
    }

    /**
     * The sample whose assertion and badge class list two endorsements each, as 1EdTech's validator serves them:
     * each is shown with its own result and the badge stays valid. The two the assertion lists claim the badge
     * class, not the assertion, so they are not valid there; the badge class's two are.
     */
    @Test
    void showsEachEndorsementOfTheEndorsedSampleWithItsOwnResult() throws IOException {
        Path conformance = SharedConformance.corpus();
        byte[] bytes = Files.readAllBytes(conformance.resolve("1edtech-dcpv/ob20/assertion-with-endorsements.json"));
        Map<URI, FetchedDocument> documents = new HashMap<>(assets(conformance.resolve("1edtech-dcpv/ob20/assets")));
        servedAsItself(bytes).ifPresent(id -> documents.put(id, OfflineDocumentFetcher.json(id,
                new String(bytes, StandardCharsets.UTF_8))));
        Verifier verifier = new Verifier(new OfflineDocumentFetcher(documents), BAKER, Clock.systemUTC());

        VerificationReport report = verifier.verify(VerificationRequest.ofFile(bytes));

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.VALID);
        List<BadgeView.Endorsement> endorsements = report.badgeView().orElseThrow().endorsements();
        assertThat(endorsements).extracting(e -> String.valueOf(e.id()), BadgeView.Endorsement::verdict,
                e -> e.checks().get(0).messageKey()).containsExactly(
                tuple("http://example.org/endorsement-1.json", Verdict.INVALID, "ob2.endorsement.failed.claim"),
                tuple("http://example.org/endorsement-2.json", Verdict.INVALID, "ob2.endorsement.failed.claim"),
                tuple("http://example.org/endorsement-3.json", Verdict.VALID, "ob2.endorsement.ok"),
                tuple("http://example.org/endorsement-4.json", Verdict.VALID, "ob2.endorsement.ok"));
        assertThat(endorsements.get(2).comment()).isEqualTo("Pretty good");
        assertThat(endorsements.get(2).endorser().name()).isEqualTo("Example Issuer");
    }

    /** A hosted sample on example.org whose id has no asset: the issuer serves the sample itself. */
    private static Optional<URI> servedAsItself(byte[] bytes) {
        try {
            if (ImageFormat.sniff(bytes).isPresent()) {
                bytes = BAKER.unbake(bytes).text().getBytes(StandardCharsets.UTF_8);
            }
            JsonNode json = Ob2Json.parse(bytes);
            JsonNode id = json.get("id");
            if (id != null && id.isString() && id.stringValue().contains("://example.org/")) {
                return Optional.of(URI.create(id.stringValue()));
            }
        } catch (Ob2ParseFailed | IllegalArgumentException | BakingFailed notJson) {
            // an image or a JWS: nothing to serve
        }
        return Optional.empty();
    }

    private static byte[] payloadOf(byte[] bytes) {
        try {
            return ImageFormat.sniff(bytes).isPresent()
                    ? BAKER.unbake(bytes).text().getBytes(StandardCharsets.UTF_8) : bytes;
        } catch (BakingFailed notBaked) {
            return bytes;
        }
    }

    private static Map<URI, FetchedDocument> assets(Path folder) throws IOException {
        Map<URI, FetchedDocument> documents = new HashMap<>();
        // The site root answers with an HTML page, as the real example.org does (legacy SVGs point at it).
        for (String root : List.of("http://example.org", "https://example.org", "http://example.org/")) {
            URI uri = URI.create(root);
            documents.put(uri, new FetchedDocument(uri, uri, "text/html",
                    "<!doctype html><title>Example Domain</title>".getBytes(StandardCharsets.UTF_8)));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String type = name.endsWith(".png") ? "image/png"
                        : name.endsWith(".html") ? "text/html" : "application/ld+json";
                byte[] body = Files.readAllBytes(file);
                for (String scheme : List.of("http", "https")) {
                    URI uri = URI.create(scheme + "://example.org/" + name);
                    documents.put(uri, new FetchedDocument(uri, uri, type, body));
                }
            }
        }
        return documents;
    }

    static String describe(VerificationReport report) {
        StringBuilder out = new StringBuilder(report.spec() + " " + report.verdict());
        report.checks().forEach(c -> out.append("\n  ").append(c.id()).append(' ').append(c.status()).append(' ')
                .append(CheckMessages.render(c, Locale.ENGLISH)));
        return out.toString();
    }

    @AfterAll
    static void printCounts() {
        System.out.printf("OB 2.0 conformance: valid ok %d / invalid ok %d / skipped %d%n",
                VALID_OK.get(), INVALID_OK.get(), SKIPPED.get());
    }
}
