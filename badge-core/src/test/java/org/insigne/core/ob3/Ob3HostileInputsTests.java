package org.insigne.core.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.fetch.FetchPolicy;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.testing.HostileInput;
import org.insigne.testing.InternalServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** HOSTILE F7, F8, S4, S8, S14 and baked round trips for OB 3.0. */
class Ob3HostileInputsTests {

    private Ob3Fixtures fixtures;

    @BeforeEach
    void publishCleanStatusList() throws Exception {
        fixtures = new Ob3Fixtures();
        fixtures.publishStatusList();
    }

    @Test
    @HostileInput("F7")
    void refusesARemoteContextWithoutFetchingIt() throws Exception {
        ObjectNode signed = fixtures.sign(fixtures.credential());
        ((ArrayNode) signed.get("@context")).add("https://attacker.example/context.json");
        ObjectNode file = fixtures.sign(fixtures.credential());
        ((ArrayNode) file.get("@context")).add("file:///etc/passwd");

        for (ObjectNode credential : new ObjectNode[] {signed, file}) {
            VerificationReport report = fixtures.verifier().verify(credential.toString(), null);
            Check context = report.check("ob3.context").orElseThrow();
            assertThat(context.messageKey()).isEqualTo("jsonld.rejected.unknown-context");
            assertThat(CheckMessages.render(context, Locale.FRENCH)).startsWith("contexte JSON-LD inconnu : ");
            assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        }
        assertThat(fixtures.fetcher.requested).extracting(Object::toString)
                .noneMatch(url -> url.contains("attacker") || url.startsWith("file:"));
    }

    @Test
    @HostileInput("F7")
    void refusesToSignWithAnUnknownContext() {
        ObjectNode credential = fixtures.credential();
        ((ArrayNode) credential.get("@context")).add("https://attacker.example/context.json");

        assertThatThrownBy(() -> fixtures.sign(credential)).isInstanceOf(JsonLdRejected.class)
                .extracting(e -> ((JsonLdRejected) e).reason()).isEqualTo(JsonLdRejected.Reason.UNKNOWN_CONTEXT);
    }

    @Test
    @HostileInput("F7")
    void failsAnInlineContextRedefiningAProtectedTerm() throws Exception {
        ObjectNode credential = fixtures.credential();
        ((ArrayNode) credential.get("@context")).addObject().put("name", "https://attacker.example/name");

        assertThatThrownBy(() -> fixtures.sign(credential)).isInstanceOf(JsonLdRejected.class)
                .extracting(e -> ((JsonLdRejected) e).reason())
                .isEqualTo(JsonLdRejected.Reason.PROTECTED_TERM_REDEFINED);
    }

    @Test
    @HostileInput("S8")
    void failsWhenAPropertyNoContextDefinesIsAdded() throws Exception {
        ObjectNode signed = fixtures.sign(fixtures.credential());
        // Unsigned words slipped in after signing must never show as verified (HOSTILE S8).
        ((ObjectNode) signed.get("credentialSubject")).put("grade", "A+");

        VerificationReport report = fixtures.verifier().verify(signed.toString(), null);

        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("jsonld.rejected.undefined-term");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    @HostileInput("S8")
    void failsAnUndefinedPropertyInAVcdm11CredentialToo() throws Exception {
        ObjectNode credential = fixtures.credential();
        credential.putArray("@context").add("https://www.w3.org/2018/credentials/v1")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
                .add("https://w3id.org/security/data-integrity/v2")
                .add("https://www.w3.org/ns/credentials/status/v1");
        credential.remove("validFrom");
        credential.put("issuanceDate", "2026-01-10T08:00:00Z");
        ObjectNode signed = fixtures.sign(credential);
        // VCDM 1.1 has no catch-all vocabulary: JSON-LD would silently drop this term.
        signed.put("honours", "summa cum laude");

        VerificationReport report = fixtures.verifier().verify(signed.toString(), null);

        assertThat(report.check("ob3.proof").orElseThrow().messageKey()).isEqualTo("jsonld.rejected.undefined-term");
    }

    @Test
    @HostileInput("S4")
    void rejectsDeepAndOversizedJsonWithoutCrashing() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String big = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        String deepJwt = b64("{\"alg\":\"EdDSA\"}") + "."
                + b64("[".repeat(10_000) + "]".repeat(10_000)) + ".c2ln";

        for (String input : new String[] {deep, big, deepJwt, "", "not a badge", "[]", "{}"}) {
            VerificationReport report = fixtures.verifier().verify(input, null);
            assertThat(report.verdict()).as(input.length() > 40 ? input.substring(0, 40) : input)
                    .isEqualTo(Verdict.INVALID);
            assertThat(report.checks().get(0).id()).isEqualTo("ob3.parse");
        }
    }

    @Test
    @HostileInput("S9")
    void stopsCanonicalisingABlankNodeCliqueQuickly() {
        // A clique of blank nodes all alike: RDFC-1.0 hashes every path between them (HOSTILE S9).
        StringBuilder graph = new StringBuilder("{\"@graph\": [");
        int size = 12;
        for (int i = 0; i < size; i++) {
            graph.append(i == 0 ? "" : ",").append("{\"@id\": \"_:b").append(i).append("\", \"http://example.org/p\": [");
            for (int j = 0; j < size; j++) {
                if (j != i) {
                    graph.append(j == 0 || (j == 1 && i == 0) ? "" : ",").append("{\"@id\": \"_:b").append(j).append("\"}");
                }
            }
            graph.append("]}");
        }
        graph.append("]}");
        jakarta.json.JsonObject document = jakarta.json.Json.createReader(new java.io.StringReader(graph.toString())).readObject();

        // Load the JSON-LD classes first: the limit is about the clique's work, not class loading.
        assertThatThrownBy(() -> org.insigne.core.jsonld.RdfCanonicalizer.standard().canonicalize(
                jakarta.json.Json.createObjectBuilder().add("http://example.org/p", "x").add("undefined", 1).build()))
                .isInstanceOf(JsonLdRejected.class);

        long start = System.nanoTime();
        assertThatThrownBy(() -> org.insigne.core.jsonld.RdfCanonicalizer.standard().canonicalize(document))
                .isInstanceOf(JsonLdRejected.class)
                .extracting(e -> ((JsonLdRejected) e).reason()).isEqualTo(JsonLdRejected.Reason.TOO_COMPLEX);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void verifiesCredentialsBakedInPngAndSvg() throws Exception {
        Baker baker = new Baker(BakingLimits.defaults());
        String json = fixtures.sign(fixtures.credential()).toString();
        String jwt = VcJwts.signEdDsa(fixtures.credential(), fixtures.keys, fixtures.method);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        for (byte[] image : new byte[][] {png, svg}) {
            for (String payload : new String[] {json, jwt}) {
                byte[] baked = baker.bake(image, new BakedPayload(PayloadKind.OB3_CREDENTIAL, payload, null));
                String text = baker.unbake(baked).text();
                VerificationReport report = fixtures.verifier().verify(text, null);
                assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
            }
        }
    }

    @Test
    @HostileInput({"F8", "S13"})
    void neverFetchesAStatusListInsideTheNetworkAndDoesNotCallTheBadgeValid() throws Exception {
        try (InternalServer internal = InternalServer.start()) {
            Ob3Verifier guarded = new Ob3Verifier(new HttpDocumentFetcher(FetchPolicy.defaults()), Ob3Fixtures.CLOCK);
            for (String list : List.of("http://127.0.0.1:" + internal.port() + "/status/1",
                    "https://169.254.169.254/latest/status", "https://10.0.0.1/status/1", "https://[::1]/status/1",
                    "file:///etc/passwd")) {
                ObjectNode credential = fixtures.credential();
                ObjectNode status = (ObjectNode) credential.get("credentialStatus");
                status.put("id", list + "#42");
                status.put("statusListCredential", list);

                VerificationReport report = guarded.verify(fixtures.sign(credential).toString(), null);

                assertThat(report.check("ob3.proof").orElseThrow().status()).as(list).isEqualTo(CheckStatus.PASSED);
                assertThat(report.check("ob3.status").orElseThrow().status()).as(list).isNotEqualTo(CheckStatus.PASSED);
                assertThat(report.verdict()).as(list).isNotEqualTo(Verdict.VALID);
            }
            assertThat(internal.hits()).isZero();
        }
    }

    @Test
    @HostileInput("S14")
    void verifiesNonAsciiAndMojibakeTextAsSignedAndKeepsItByteForByte() throws Exception {
        Baker baker = new Baker(BakingLimits.defaults());
        String name = "Soudure TIG® — niveau « expert » 溶接 👷";
        String description = "Lâ€™atelier dâ€™Ã‰ole, copiÃ© depuis Windows-1252";
        ObjectNode credential = fixtures.credential();
        ObjectNode achievement = (ObjectNode) credential.get("credentialSubject").get("achievement");
        achievement.put("name", name);
        achievement.put("description", description);
        ((ObjectNode) credential.get("issuer")).put("name", "Lycée Éole™");
        String signed = fixtures.sign(credential).toString();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==");

        String unbaked = baker.unbake(baker.bake(png, new BakedPayload(PayloadKind.OB3_CREDENTIAL, signed, null))).text();
        VerificationReport report = fixtures.verifier().verify(unbaked, Ob3Fixtures.EMAIL);

        assertThat(unbaked).isEqualTo(signed);
        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
        var view = report.badgeView().orElseThrow();
        assertThat(view.name()).isEqualTo(name);
        assertThat(view.issuer().name()).isEqualTo("Lycée Éole™");
        String edited = signed.replace("TIG®", "TIG(R)");
        assertThat(fixtures.verifier().verify(edited, null).verdict()).isEqualTo(Verdict.INVALID);
    }

    private static String b64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
