package org.insigne.core.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.insigne.core.fetch.OfflineDocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.ob3.Ob3Verifier;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signing and verifying OB 3.0 credentials, both proof formats, with a did:key issuer (no fetch). The verify
 * benchmarks run the whole Ob3Verifier (parse, context, structure, proof, validity, view); contexts are the
 * bundled ones, parsed once.
 */
@State(Scope.Benchmark)
public class Ob3ProofBenchmark {

    private final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    private final String method = "did:key:" + keys.publicKeyMultibase() + "#" + keys.publicKeyMultibase();
    private final DataIntegrityProofs proofs = DataIntegrityProofs.standard();
    private final Ob3Verifier verifier = new Ob3Verifier(new OfflineDocumentFetcher(Map.of()),
            Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
    private ObjectNode unsigned;
    private String dataIntegrity;
    private String jwt;
    /**
     * More distinct credentials (and proof dates) than the canonicaliser keeps, so that every verification
     * expands and canonicalises both the document and the proof configuration.
     */
    private final String[] distinct = new String[2048];
    private int next;

    @Setup
    public void issue() throws Exception {
        String issuer = "did:key:" + keys.publicKeyMultibase();
        unsigned = typicalCredential(issuer);
        dataIntegrity = signDataIntegrity().toString();
        jwt = signJwt();
        for (int i = 0; i < distinct.length; i++) {
            ObjectNode copy = unsigned.deepCopy();
            copy.put("id", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i));
            distinct[i] = proofs.sign(copy, DataIntegrityProofs.ProofOptions.assertion(method,
                    Instant.parse("2026-01-10T08:00:00Z").plusSeconds(i)), keys).toString();
        }
        if (verifyDataIntegrity().verdict() != Verdict.VALID || verifyJwt().verdict() != Verdict.VALID) {
            throw new IllegalStateException("benchmark credentials do not verify");
        }
    }

    /**
     * A typical OB 3.0 credential, unsigned: VCDM 2.0 and OB 3.0.3 contexts, a hashed e-mail, an achievement with
     * an alignment, tags and a three-level rubric, one result; about 2.4 KB once signed.
     */
    static ObjectNode typicalCredential(String issuer) throws Exception {
        return BoundedJson.readObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "urn:uuid:6a1c8d2e-4b5f-4c3a-9e7d-1f2a3b4c5d6e",
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "%s", "type": ["Profile"], "name": "Lycée des Métiers Éole",
                            "url": "https://eole.example"},
                 "validFrom": "2026-01-10T08:00:00Z",
                 "name": "Soudure TIG",
                 "credentialSubject": {
                   "type": ["AchievementSubject"],
                   "identifier": [{"type": "IdentityObject", "hashed": true, "identityType": "emailAddress",
                                   "identityHash": "sha256$0b2e5c6f1f0b3a4c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c",
                                   "salt": "4f1e0c2d9a8b7c6d"}],
                   "achievement": {
                     "id": "https://eole.example/achievements/tig", "type": ["Achievement"],
                     "name": "Soudure TIG", "description": "Souder des tôles fines en TIG.",
                     "criteria": {"narrative": "Réaliser trois soudures validées par le jury."},
                     "alignment": [{"type": ["Alignment"], "targetName": "RNCP 1234",
                                    "targetUrl": "https://www.francecompetences.fr/recherche/rncp/1234/"}],
                     "tag": ["soudure", "métallerie"],
                     "resultDescription": [{"id": "urn:uuid:rd-1", "type": ["ResultDescription"], "name": "Niveau",
                       "resultType": "RubricCriterionLevel",
                       "rubricCriterionLevel": [
                         {"id": "urn:uuid:level-1", "type": ["RubricCriterionLevel"], "name": "Je fais"},
                         {"id": "urn:uuid:level-2", "type": ["RubricCriterionLevel"], "name": "Je transmets"},
                         {"id": "urn:uuid:level-3", "type": ["RubricCriterionLevel"], "name": "Je pilote"}]}]},
                   "result": [{"type": ["Result"], "resultDescription": "urn:uuid:rd-1",
                               "achievedLevel": "urn:uuid:level-2"}]}}
                """.formatted(issuer));
    }

    @Benchmark
    public ObjectNode signDataIntegrity() throws Exception {
        return proofs.sign(unsigned, DataIntegrityProofs.ProofOptions.assertion(method,
                Instant.parse("2026-01-10T08:00:00Z")), keys);
    }

    @Benchmark
    public VerificationReport verifyDataIntegrity() {
        return verifier.verify(dataIntegrity, null);
    }

    /** Each call verifies another credential: no canonical form is reused. */
    @Benchmark
    public VerificationReport verifyDataIntegrityDistinct() {
        next = (next + 1) % distinct.length;
        return verifier.verify(distinct[next], null);
    }

    @Benchmark
    public String signJwt() {
        return VcJwts.signEdDsa(unsigned, keys, method);
    }

    @Benchmark
    public VerificationReport verifyJwt() {
        return verifier.verify(jwt, null);
    }
}
