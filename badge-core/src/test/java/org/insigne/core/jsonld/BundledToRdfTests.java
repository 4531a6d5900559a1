package org.insigne.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.insigne.core.bench.Ob3ProofBenchmark;
import org.insigne.core.ob3.CredentialWriter;
import org.insigne.core.ob3.OpenBadgeCredential;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.testing.HostileInput;
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast JSON-LD to RDF path ({@link BundledToRdf}) against Titanium ({@link RdfCanonicalizer#withoutFastPath}):
 * for every credential of the shared conformance corpus whose contexts are bundled, every credential the
 * benchmark and the credential writer build, and edge cases around the subset it supports, both give the
 * same canonical N-Quads byte for byte, or the same rejection; signed credentials get the same hashes and
 * the same signature verdict.
 */
class BundledToRdfTests {

    private final RdfCanonicalizer fast = new RdfCanonicalizer(BundledContexts.standard());
    private final RdfCanonicalizer reference = RdfCanonicalizer.withoutFastPath(BundledContexts.standard());

    private static String outcome(RdfCanonicalizer canonicalizer, JsonNode document) {
        try {
            return canonicalizer.canonicalize((JsonObject) JakartaJson.of(document));
        } catch (JsonLdRejected e) {
            return "rejected " + e.reason() + " " + e.detail();
        }
    }

    /** Asserts both paths agree on the document, on it without its proof and on its proof configurations. */
    private void assertSameCanonicalForms(String name, ObjectNode document) {
        List<ObjectNode> forms = new ArrayList<>();
        forms.add(document);
        if (document.has("proof")) {
            ObjectNode unsecured = document.deepCopy();
            unsecured.remove("proof");
            forms.add(unsecured);
            JsonNode proofs = document.get("proof");
            for (JsonNode proof : proofs.isArray() ? proofs : List.of(proofs)) {
                if (proof instanceof ObjectNode object) {
                    ObjectNode config = object.deepCopy();
                    config.remove("proofValue");
                    if (document.has("@context")) {
                        config.set("@context", document.get("@context").deepCopy());
                    }
                    forms.add(config);
                }
            }
        }
        for (ObjectNode form : forms) {
            assertThat(outcome(fast, form)).as(name).isEqualTo(outcome(reference, form));
        }
    }

    private static boolean onlyBundledContexts(JsonNode document) {
        JsonNode context = document.get("@context");
        if (context == null) {
            return false;
        }
        List<JsonNode> urls = new ArrayList<>();
        if (context.isArray()) {
            context.forEach(urls::add);
        } else {
            urls.add(context);
        }
        return urls.stream().allMatch(url -> url.isString() && BundledContexts.standard().contains(url.asString()));
    }

    private static Path conformance() {
        return SharedConformance.corpus();
    }

    private static List<Path> conformanceCredentials() throws IOException {
        Path dir = conformance();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".jsonld"))
                    .filter(file -> !file.toString().contains("/contexts/"))
                    .sorted()
                    .forEach(found::add);
        }
        List<Path> credentials = new ArrayList<>();
        for (Path file : found) {
            try {
                if (onlyBundledContexts(BoundedJson.readObject(Files.readAllBytes(file)))) {
                    credentials.add(file);
                }
            } catch (BoundedJson.JsonUnreadable e) {
                // Not a JSON object (or over the limits): not a credential for this comparison.
            }
        }
        return credentials;
    }

    @TestFactory
    Stream<DynamicTest> conformanceCredentialsCanonicaliseAsWithTitanium() throws IOException {
        Path dir = conformance();
        return conformanceCredentials().stream().map(file -> DynamicTest.dynamicTest(
                dir.relativize(file).toString(), () -> assertSameCanonicalForms(file.toString(),
                        BoundedJson.readObject(Files.readAllBytes(file)))));
    }

    @Test
    void theFastPathTakesMostConformanceCredentials() throws Exception {
        List<Path> credentials = conformanceCredentials();
        assumeThat(credentials).isNotEmpty();
        for (Path file : credentials) {
            ObjectNode document = BoundedJson.readObject(Files.readAllBytes(file));
            document.remove("proof");
            outcome(fast, document);
        }
        // The corpus has endorsements (proofs in @graph containers) and invalid rows that Titanium takes.
        assertThat(fast.fastPathRuns()).as("of %d documents", credentials.size())
                .isGreaterThanOrEqualTo(credentials.size() / 2);
    }

    @Test
    void benchmarkCredentialsCanonicaliseAndVerifyAsWithTitanium() throws Exception {
        Ob3ProofBenchmark benchmark = new Ob3ProofBenchmark();
        benchmark.issue();
        ObjectNode signed = benchmark.signDataIntegrity();
        assertSameCanonicalForms("benchmark", signed);
        assertThat(fast.fastPathRuns()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < 5; i++) {
            ObjectNode distinct = signed.deepCopy();
            distinct.put("id", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i));
            distinct.withObject("proof").put("created", Instant.parse("2026-01-10T08:00:00Z").plusSeconds(i).toString());
            assertSameCanonicalForms("benchmark " + i, distinct);
        }
    }

    @Test
    void writtenCredentialsSignAndVerifyAlikeOnBothPaths() throws Exception {
        Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
        String issuer = "did:key:" + keys.publicKeyMultibase();
        var levels = List.of(
                new OpenBadgeCredential.RubricCriterionLevel("urn:uuid:l1", "Je fais", "1", "Avec aide"),
                new OpenBadgeCredential.RubricCriterionLevel("urn:uuid:l2", "Je transmets", "2", null));
        var achievement = new OpenBadgeCredential.Achievement("https://eole.example/achievements/tig", List.of(),
                "Soudure TIG", "Souder des tôles fines.", new OpenBadgeCredential.Criteria(null, "Trois soudures."),
                null, "Certificate", List.of(), List.of("soudure", "soudure", "métallerie"),
                List.of(new OpenBadgeCredential.ResultDescription("urn:uuid:rd", "Niveau", "RubricCriterionLevel",
                        levels)), null);
        var profile = new OpenBadgeCredential.Profile(issuer, List.of(), "Lycée Éole", "https://eole.example",
                "contact@eole.example", "Un lycée \"des métiers\"\nà Nantes", null);
        ObjectNode unsigned = CredentialWriter.write(new CredentialWriter.Draft(
                "urn:uuid:0b6a3d5e-1c2f-4e8a-9b7c-6d5e4f3a2b1c", profile, Instant.parse("2026-01-10T08:00:00.123Z"),
                Instant.parse("2030-01-10T08:00:00Z"), achievement,
                new CredentialWriter.Recipient("did:example:camille", "camille@example.org", "4f1e0c2d"), "urn:uuid:l2",
                List.of(new OpenBadgeCredential.Evidence("https://eole.example/e/1", "Photos", "Trois photos", null)),
                new CredentialWriter.StatusEntry("https://eole.example/status/1", 42, "revocation")));
        DataIntegrityProofs fastProofs = new DataIntegrityProofs(fast);
        DataIntegrityProofs referenceProofs = new DataIntegrityProofs(reference);
        ObjectNode signed = referenceProofs.sign(unsigned, DataIntegrityProofs.ProofOptions.assertion(
                issuer + "#" + keys.publicKeyMultibase(), Instant.parse("2026-01-10T08:00:00Z")), keys);
        assertSameCanonicalForms("written", signed);

        ObjectNode tampered = signed.deepCopy();
        tampered.withObject("credentialSubject").withObject("achievement").put("name", "Soudure MIG");
        for (ObjectNode credential : List.of(signed, tampered)) {
            ObjectNode proof = (ObjectNode) credential.get("proof");
            DataIntegrityProofs.HashData fastHash = fastProofs.hashData(credential, proof);
            DataIntegrityProofs.HashData referenceHash = referenceProofs.hashData(credential, proof);
            assertThat(fastHash.canonicalDocument()).isEqualTo(referenceHash.canonicalDocument());
            assertThat(fastHash.combined()).isEqualTo(referenceHash.combined());
            String proofValue = proof.get("proofValue").asString();
            assertThat(DataIntegrityProofs.verifySignature(fastHash, proofValue, keys.publicKey()))
                    .isEqualTo(DataIntegrityProofs.verifySignature(referenceHash, proofValue, keys.publicKey()))
                    .isEqualTo(credential == signed);
        }
        assertThat(fast.fastPathRuns()).isGreaterThanOrEqualTo(2);
    }

    /** Edits the fast path converts itself. */
    private static final Set<String> FAST = Set.of("plain", "typed value object",
            "value object without type", "untyped boolean", "untyped integers", "null values and empty objects",
            "duplicate values", "type as a string", "several scoped types", "node reference only", "issuer as IRI",
            "compact IRI property", "escapes in strings");

    /** Edits outside its subset, which it must leave to Titanium. */
    private static final Set<String> TITANIUM = Set.of("language-tagged value", "untyped double",
            "blank node id", "relative id", "nested arrays", "inline nested context", "reverse keyword",
            "included keyword", "graph keyword", "list container", "json literal",
            "endorsement with a proof in a graph container", "undefined term");

    /** Edits of a credential, each at the edge of (or beyond) what the fast path supports. */
    @TestFactory
    Stream<DynamicTest> edgeCasesGiveTheSameResultOnBothPaths() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"plain", "{}"},
                new String[] {"typed value object", "{\"awardedDate\": {\"@value\": \"2026-01-10T08:00:00Z\","
                        + " \"@type\": \"xsd:dateTime\"}}"},
                new String[] {"value object without type", "{\"name\": {\"@value\": \"Soudure\"}}"},
                new String[] {"language-tagged value", "{\"name\": {\"@value\": \"Soudure\", \"@language\": \"fr\"}}"},
                new String[] {"language map attempt", "{\"name\": {\"fr\": \"Soudure\"}}"},
                new String[] {"integers, booleans, big and decimal numbers", "{\"credentialSubject\": {\"type\":"
                        + " [\"AchievementSubject\"], \"result\": [{\"type\": [\"Result\"], \"value\": 12}],"
                        + " \"identifier\": [{\"type\": \"IdentityObject\", \"hashed\": false, \"identityType\":"
                        + " \"emailAddress\", \"identityHash\": 1e22, \"salt\": 1.5}],"
                        + " \"achievement\": {\"type\": [\"Achievement\"], \"name\": 1.0, \"description\": -7,"
                        + " \"criteria\": {\"narrative\": true}}}}"},
                new String[] {"untyped boolean", "{\"name\": true, \"description\": false}"},
                new String[] {"untyped integers", "{\"name\": 12, \"description\": -9007199254740993}"},
                new String[] {"untyped double", "{\"name\": 12.5, \"description\": 2.0}"},
                new String[] {"null values and empty objects", "{\"description\": null, \"evidence\": [{}, null],"
                        + " \"image\": {}}"},
                new String[] {"duplicate values", "{\"type\": [\"VerifiableCredential\", \"OpenBadgeCredential\","
                        + " \"OpenBadgeCredential\"], \"evidence\": [{\"id\": \"https://e.example/1\"},"
                        + " {\"id\": \"https://e.example/1\", \"name\": \"x\"}, {\"id\": \"https://e.example/1\"}]}"},
                new String[] {"type as a string", "{\"issuer\": {\"id\": \"https://eole.example\", \"type\": \"Profile\","
                        + " \"name\": \"Éole\"}}"},
                new String[] {"several scoped types", "{\"issuer\": {\"id\": \"https://eole.example\","
                        + " \"type\": [\"Profile\", \"Achievement\"], \"name\": \"Éole\"}}"},
                new String[] {"node reference only", "{\"issuer\": {\"id\": \"https://eole.example\"}}"},
                new String[] {"issuer as IRI", "{\"issuer\": \"https://eole.example/issuer\"}"},
                new String[] {"compact IRI property", "{\"https://example.org/vocab#x\": \"y\"}"},
                new String[] {"keyword @id and alias together", "{\"@id\": \"urn:uuid:1\", \"id\": \"urn:uuid:2\"}"},
                new String[] {"undefined term", "{\"notInAnyContext\": \"x\"}"},
                new String[] {"undefined type", "{\"type\": [\"VerifiableCredential\", \"NoSuchType\"]}"},
                new String[] {"blank node id", "{\"evidence\": [{\"id\": \"_:e1\", \"name\": \"x\"}]}"},
                new String[] {"relative id", "{\"evidence\": [{\"id\": \"evidence/1\", \"name\": \"x\"}]}"},
                new String[] {"nested arrays", "{\"credentialSubject\": {\"type\": [\"AchievementSubject\"],"
                        + " \"achievement\": {\"type\": [\"Achievement\"], \"tag\": [[\"a\"], \"b\"]}}}"},
                new String[] {"inline nested context", "{\"evidence\": [{\"@context\": {\"x\": \"https://x.example/x\"},"
                        + " \"x\": \"y\"}]}"},
                new String[] {"unbundled nested context", "{\"evidence\": [{\"@context\": \"https://evil.example/c\","
                        + " \"name\": \"y\"}]}"},
                new String[] {"reverse keyword", "{\"@reverse\": {\"https://x.example/p\": {\"id\": \"urn:x\"}}}"},
                new String[] {"included keyword", "{\"@included\": [{\"id\": \"urn:x\", \"name\": \"y\"}]}"},
                new String[] {"graph keyword", "{\"@graph\": [{\"id\": \"urn:x\"}]}"},
                new String[] {"list container", "{\"credentialSubject\": {\"type\": [\"AchievementSubject\"],"
                        + " \"achievement\": {\"type\": [\"Achievement\"], \"resultDescription\": [{\"type\":"
                        + " [\"ResultDescription\"], \"id\": \"urn:rd\", \"name\": \"n\", \"resultType\": \"Status\","
                        + " \"allowedValue\": [\"a\", \"b\", \"a\"]}]}}}"},
                new String[] {"json literal", "{\"credentialSchema\": [{\"id\": \"https://s.example/s.json\","
                        + " \"type\": \"JsonSchema\", \"jsonSchema\": {\"b\": 1, \"a\": [true]}}]}"},
                new String[] {"endorsement with a proof in a graph container", "{\"credentialSubject\": {\"type\":"
                        + " [\"AchievementSubject\"], \"achievement\": {\"type\": [\"Achievement\"], \"endorsement\":"
                        + " [{\"type\": [\"VerifiableCredential\", \"EndorsementCredential\"], \"issuer\": \"urn:i\","
                        + " \"validFrom\": \"2026-01-01T00:00:00Z\", \"credentialSubject\": {\"id\": \"urn:a\","
                        + " \"type\": [\"EndorsementSubject\"]}, \"proof\": {\"type\": \"DataIntegrityProof\","
                        + " \"cryptosuite\": \"eddsa-rdfc-2022\", \"created\": \"2026-01-01T00:00:00Z\"}}]}}}"},
                new String[] {"escapes in strings", "{\"name\": \"tab\\tquote\\\" backslash\\\\ newline\\n é ☃\"}"},
                new String[] {"IRI with a space", "{\"evidence\": [{\"id\": \"https://e.example/a b\"}]}"});
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] edit : cases) {
            tests.add(DynamicTest.dynamicTest(edit[0], () -> {
                ObjectNode credential = baseCredential();
                ObjectNode changes = BoundedJson.readObject(edit[1]);
                changes.properties().forEach(entry -> credential.set(entry.getKey(), entry.getValue()));
                assertSameCanonicalForms(edit[0], credential);
                // The credential without its proof (the proof itself is in an @graph container).
                credential.remove("proof");
                RdfCanonicalizer fresh = new RdfCanonicalizer(BundledContexts.standard());
                outcome(fresh, credential);
                if (FAST.contains(edit[0])) {
                    assertThat(fresh.fastPathRuns()).as("taken by the fast path").isEqualTo(1);
                } else if (TITANIUM.contains(edit[0])) {
                    assertThat(fresh.fastPathRuns()).as("left to Titanium").isZero();
                }
            }));
        }
        return tests.stream();
    }

    @Test
    @HostileInput("S4")
    void deepNestingAndHugeArraysGiveTheSameResultOnBothPaths() throws Exception {
        ObjectNode deep = baseCredential();
        ObjectNode profile = deep.putObject("issuer");
        for (int i = 0; i < 55; i++) {
            profile.put("id", "https://org.example/" + i);
            profile.putArray("type").add("Profile");
            profile = profile.putObject("parentOrg");
        }
        profile.put("id", "https://org.example/root");
        assertSameCanonicalForms("deep", deep);

        ObjectNode wide = baseCredential();
        ArrayNode tags = wide.withObject("credentialSubject").withObject("achievement").putArray("tag");
        for (int i = 0; i < 5000; i++) {
            tags.add("tag " + i);
        }
        long before = fast.fastPathRuns();
        assertSameCanonicalForms("wide", wide);
        assertThat(fast.fastPathRuns()).isGreaterThan(before);
    }

    @Test
    @HostileInput("F7")
    void aRemoteContextIsRefusedOnBothPaths() throws Exception {
        ObjectNode credential = baseCredential();
        credential.withObject("credentialSubject").put("@context", "http://169.254.169.254/latest/meta-data");
        assertThat(outcome(fast, credential)).startsWith("rejected UNKNOWN_CONTEXT").isEqualTo(outcome(reference,
                credential));
    }

    private static ObjectNode baseCredential() throws Exception {
        return BoundedJson.readObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "urn:uuid:6a1c8d2e-4b5f-4c3a-9e7d-1f2a3b4c5d6e",
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "https://eole.example/issuer", "type": ["Profile"], "name": "Lycée Éole"},
                 "validFrom": "2026-01-10T08:00:00Z",
                 "name": "Soudure TIG",
                 "credentialSubject": {"type": ["AchievementSubject"],
                   "achievement": {"id": "https://eole.example/achievements/tig", "type": ["Achievement"],
                     "name": "Soudure TIG", "description": "Souder.", "criteria": {"narrative": "Trois soudures."},
                     "tag": ["soudure"]}},
                 "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                   "created": "2026-01-10T08:00:00Z", "verificationMethod": "https://eole.example/issuer#key-1",
                   "proofPurpose": "assertionMethod", "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk"}}
                """);
    }
}
