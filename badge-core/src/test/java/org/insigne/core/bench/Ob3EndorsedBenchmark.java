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
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifying an OB 3.0 badge whose achievement carries five embedded EndorsementCredentials, each signed
 * ({@code eddsa-rdfc-2022}) by its own did:key endorser: six proofs per verification. Every call verifies another
 * credential whose five endorsements differ from every other credential's too (ids and dates), so that no
 * canonical form is reused; a badge class's endorsements are usually the same across its awards, which only
 * makes real verifications cheaper than this.
 */
@State(Scope.Benchmark)
public class Ob3EndorsedBenchmark {

    static final int ENDORSEMENTS = 5;
    /** The achievement of {@link Ob3ProofBenchmark#typicalCredential}, which the endorsements endorse. */
    static final String ACHIEVEMENT = "https://eole.example/achievements/tig";

    private final DataIntegrityProofs proofs = DataIntegrityProofs.standard();
    private final Ob3Verifier verifier = new Ob3Verifier(new OfflineDocumentFetcher(Map.of()),
            Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
    private final Ed25519Keys.KeyPair issuerKeys = Ed25519Keys.generate();
    private final Ed25519Keys.KeyPair[] endorserKeys = new Ed25519Keys.KeyPair[ENDORSEMENTS];
    /** More distinct credentials than the canonicaliser keeps forms of (each brings six documents). */
    private final String[] distinct = new String[1024];
    private int next;

    @Setup
    public void issue() throws Exception {
        for (int e = 0; e < ENDORSEMENTS; e++) {
            endorserKeys[e] = Ed25519Keys.generate();
        }
        Instant issued = Instant.parse("2026-01-10T08:00:00Z");
        for (int i = 0; i < distinct.length; i++) {
            ObjectNode credential = credential(i);
            ArrayNode endorsements = ((ObjectNode) credential.path("credentialSubject").path("achievement"))
                    .putArray("endorsement");
            for (int e = 0; e < ENDORSEMENTS; e++) {
                endorsements.add(endorsement(i, e, issued.minusSeconds(86_400L + i * 10L + e)));
            }
            distinct[i] = proofs.sign(credential, DataIntegrityProofs.ProofOptions.assertion(method(issuerKeys),
                    issued.plusSeconds(i)), issuerKeys).toString();
        }
        VerificationReport report = verifier.verify(distinct[0], null);
        if (report.verdict() != Verdict.VALID
                || report.check("ob3.endorsements").orElseThrow().status() != CheckStatus.PASSED
                || report.badgeView().orElseThrow().endorsers().size() != ENDORSEMENTS) {
            throw new IllegalStateException("benchmark credentials do not verify with their endorsements: " + report);
        }
    }

    /** Each call verifies another badge and its five endorsements: six proofs, no canonical form reused. */
    @Benchmark
    public VerificationReport verifyEndorsedDistinct() {
        next = (next + 1) % distinct.length;
        return verifier.verify(distinct[next], null);
    }

    private static String did(Ed25519Keys.KeyPair keys) {
        return "did:key:" + keys.publicKeyMultibase();
    }

    private static String method(Ed25519Keys.KeyPair keys) {
        return did(keys) + "#" + keys.publicKeyMultibase();
    }

    private ObjectNode credential(int i) throws Exception {
        ObjectNode credential = Ob3ProofBenchmark.typicalCredential(did(issuerKeys));
        credential.put("id", "urn:uuid:00000000-0000-4000-8000-%012d".formatted(i));
        return credential;
    }

    private ObjectNode endorsement(int credential, int endorser, Instant validFrom) throws Exception {
        ObjectNode e = BoundedJson.readObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "urn:uuid:00000000-0000-4000-9%03d-%012d",
                 "type": ["VerifiableCredential", "EndorsementCredential"],
                 "name": "Recommandation",
                 "issuer": {"id": "%s", "type": ["Profile"], "name": "Partenaire %d"},
                 "validFrom": "%s",
                 "credentialSubject": {"id": "%s",
                                       "type": ["EndorsementSubject"],
                                       "endorsementComment": "Des critères clairs, vérifiés sur le terrain."}}
                """.formatted(endorser, credential, did(endorserKeys[endorser]), endorser, validFrom, ACHIEVEMENT));
        return proofs.sign(e, DataIntegrityProofs.ProofOptions.assertion(method(endorserKeys[endorser]), validFrom),
                endorserKeys[endorser]);
    }
}
