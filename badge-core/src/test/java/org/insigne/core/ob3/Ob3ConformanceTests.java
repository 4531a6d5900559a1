package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
import java.util.stream.Stream;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every OB 3.0 row of {@code shared/conformance/MANIFEST.tsv} expected {@code valid} or {@code invalid} gives
 * that verdict, with contexts from our bundle only. Network documents are served from the corpus copies
 * (DCC status lists and DID documents); RFC 2606 example hosts answer 404; anything else is "offline" (an
 * outage), and a row that needs the
 * network and so ends indeterminate is skipped with the reason.
 */
class Ob3ConformanceTests {

    /** A fixed day after the newest fixture was issued, so that "expired" and "notExpired" rows stay so. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    /** Rows where Insigne deliberately differs from the corpus verdict, and why. */
    private static final Map<String, String> DELIBERATE = Map.of(
            "1edtech-dcpv/ob30/simple-did-key-method.json",
            "signed by did:key while the issuer is a urn:uuid: the key's controller is not the issuer (HOSTILE S7)",
            "1edtech-dcpv/ob30/sd/derivedcredential.json",
            "ecdsa-sd-2023 selective disclosure is not a supported cryptosuite (OB 3.0 certifies eddsa-rdfc-2022)",
            "1edtech-dcpv/ob30/simple.jwt",
            "uses the pre-release context https://imsglobal.github.io/openbadges-specification/context.json,"
                    + " which no published package ships, so it is refused rather than fetched (HOSTILE F7)");

    static Path conformance() {
        Path dir = Path.of(System.getProperty("insigne.shared.dir", "../shared"), "conformance");
        assumeThat(Files.isRegularFile(dir.resolve("MANIFEST.tsv")))
                .as("…/shared/conformance absent: " + dir).isTrue();
        return dir;
    }

    @TestFactory
    Stream<DynamicTest> ob3RowsGiveTheExpectedVerdict() throws IOException {
        Path dir = conformance();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"))) {
            String[] row = line.split("\t");
            if (row.length < 5 || !"ob3".equals(row[1]) || !(row[3].equals("valid") || row[3].equals("invalid"))) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(row[3] + " " + row[0], () -> check(dir, row)));
        }
        return tests.stream();
    }

    private static void check(Path dir, String[] row) throws Exception {
        String path = row[0];
        String why = row[4];
        assumeThat(path.startsWith("w3c-vc-di-eddsa/")).as("not an Open Badge; its proof is checked byte for byte"
                + " by DataIntegrityProofsTests").isFalse();
        assumeThat(path.startsWith("dcc-vc-test-fixtures/statusLists/")).as("a status list credential, not a"
                + " badge; used through the badge rows that point at it").isFalse();
        assumeThat(path.endsWith("/testlist")).as("a status list credential, used by the bit-string-list rows").isFalse();
        assumeThat(DELIBERATE).as("deliberate difference: " + DELIBERATE.get(path)).doesNotContainKey(path);
        byte[] bytes = Files.readAllBytes(dir.resolve(path));
        String text;
        if (path.endsWith(".png") || path.endsWith(".svg")) {
            text = new Baker(BakingLimits.defaults()).unbake(bytes).text();
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        Ob3Verifier verifier = new Ob3Verifier(new CorpusFetcher(dir, text), CLOCK);
        VerificationReport report = verifier.verify(text, null);
        if (report.verdict() == Verdict.INDETERMINATE && report.checks().stream().anyMatch(
                c -> c.messageKey().equals("ob3.status.list-unverifiable") && c.args().equals(List.of("issuer")))) {
            assumeThat(false).as("status list issued by another DID than the badge: Insigne only trusts the"
                    + " issuer's own list, so revocation stays unverified (deliberate)").isTrue();
        }
        if (why.contains("needs-network") && report.verdict() == Verdict.INDETERMINATE) {
            assumeThat(false).as("needs the network (" + why + "): " + report.checks()).isTrue();
        }
        if (path.startsWith("1edtech-dcpv/") && report.verdict() == Verdict.INDETERMINATE) {
            assumeThat(false).as("DCPV key document not in the corpus: " + report.checks()).isTrue();
        }
        Verdict expected = row[3].equals("valid") ? Verdict.VALID : Verdict.INVALID;
        assertThat(report.verdict()).as(path + " → " + report.checks()).isEqualTo(expected);
    }

    /**
     * Serves the corpus copies of network documents. DCPV's samples sign with keys named
     * {@code https://issuer#z6Mk…}: DCPV decodes the fragment as the key. We do not (anyone could name their
     * own key so); instead this fetcher plays the issuer and serves a controller document for that URL
     * listing the fragment key, so our verifier still checks controller, purpose and signature.
     */
    static final class CorpusFetcher implements DocumentFetcher {
        private final Map<String, Path> files = new HashMap<>();
        private final Map<String, String> generated = new HashMap<>();
        private final Map<String, Map<String, String>> methods = new HashMap<>();

        CorpusFetcher(Path dir, String credential) {
            Path dcc = dir.resolve("dcc-vc-test-fixtures");
            for (String name : List.of("e5WK8CbZ1GjycuPombrj", "expired", "notYetValid", "tampered", "missingBitStringType")) {
                Path file = dcc.resolve("statusLists/didkey-ed25519Signature2020/" + name);
                files.put("https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/" + name, file);
                files.put("https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/" + name, file);
            }
            for (String name : List.of("legacy", "oidf")) {
                files.put("https://digitalcredentials.github.io/vc-test-fixtures/dids/" + name + "/did.json",
                        dcc.resolve("dids/" + name + "/did.json"));
            }
            files.put("https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
                    dir.resolve("1edtech-dcpv/ob30/bit-string-list/testlist"));
            publishJwkOfIssuer(credential);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(https://[^\"#]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]+)\"")
                    .matcher(credential + readQuietly(files.get(
                            "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist")));
            while (m.find()) {
                try {
                    Ed25519Keys.decodePublicKeyMultibase(m.group(2));
                } catch (IllegalArgumentException notAKey) {
                    continue;
                }
                publish(m.group(1), m.group(1) + "#" + m.group(2), "\"publicKeyMultibase\": \"" + m.group(2) + "\"");
            }
        }

        /** Adds a key to the controller document served at {@code controller}. */
        private void publish(String controller, String method, String key) {
            methods.computeIfAbsent(controller, c -> new java.util.LinkedHashMap<>()).put(method, key);
            StringBuilder vms = new StringBuilder();
            StringBuilder refs = new StringBuilder();
            for (var entry : methods.get(controller).entrySet()) {
                vms.append(vms.isEmpty() ? "" : ",").append("""
                        {"id": "%s", "type": "Multikey", "controller": "%s", %s}""".formatted(entry.getKey(), controller, entry.getValue()));
                refs.append(refs.isEmpty() ? "" : ",").append('"').append(entry.getKey()).append('"');
            }
            generated.put(controller, """
                    {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
                     "id": "%s", "verificationMethod": [%s], "assertionMethod": [%s]}""".formatted(controller, vms, refs));
        }

        /** DCPV trusts a VC-JWT's jwk header; we need it among the issuer's keys, so the issuer publishes it. */
        private void publishJwkOfIssuer(String token) {
            String[] parts = token.strip().split("\\.");
            if (parts.length != 3) {
                return;
            }
            try {
                var header = org.insigne.core.jsonld.BoundedJson.readObject(java.util.Base64.getUrlDecoder().decode(parts[0]));
                var payload = org.insigne.core.jsonld.BoundedJson.readObject(java.util.Base64.getUrlDecoder().decode(parts[1]));
                var credential = payload.has("vc") ? payload.get("vc") : payload;
                String issuer = org.insigne.core.signing.VcJwts.issuerId(credential);
                if (header.has("jwk") && issuer != null && issuer.startsWith("https://")) {
                    publish(issuer, issuer + "#jwt", "\"publicKeyJwk\": " + header.get("jwk"));
                }
            } catch (Exception notAToken) {
                // a JSON credential
            }
        }

        private static String readQuietly(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public FetchedDocument fetch(URI uri, Expect expect) throws FetchFailed {
            String url = uri.toString();
            try {
                if (files.containsKey(url) && Files.isRegularFile(files.get(url))) {
                    return new FetchedDocument(uri, uri, "application/json", Files.readAllBytes(files.get(url)));
                }
            } catch (IOException e) {
                throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE);
            }
            if (generated.containsKey(url)) {
                return new FetchedDocument(uri, uri, "application/json", generated.get(url).getBytes(StandardCharsets.UTF_8));
            }
            String host = String.valueOf(uri.getHost());
            if (host.matches("(.+\\.)?example\\.(com|edu|org|net)")) {
                // RFC 2606 reserves these names: nothing else is published there, the server would say 404.
                throw new FetchFailed(uri, FetchFailed.Reason.HTTP_STATUS, 404);
            }
            throw new FetchFailed(uri, FetchFailed.Reason.UNREACHABLE);
        }
    }
}
