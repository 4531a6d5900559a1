package org.insigne.core.ob3;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.insigne.core.did.KeyNotResolved;
import org.insigne.core.did.KeyResolver;
import org.insigne.core.did.VerificationMethod;
import org.insigne.core.jsonld.JakartaJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.EcdsaSd2023;
import org.insigne.core.signing.Multibase;
import org.insigne.core.signing.VcJwts;
import org.insigne.core.verification.Check;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the embedded proofs of a credential (vc-data-integrity §4.5 "Verify Proof", vc-di-eddsa §3.3.2):
 * {@code DataIntegrityProof}/{@code eddsa-rdfc-2022} (also the pre-release name {@code eddsa-2022}, as DCPV
 * does), {@code ecdsa-sd-2023} derived proofs (selective disclosure, P-256 keys; vc-di-ecdsa §3.6.7) and, for
 * the many credentials still carrying it, {@code Ed25519Signature2020}, which hashes the same way as
 * eddsa-rdfc-2022. The key must be an {@code assertionMethod} of the issuer (HOSTILE S7). One valid proof
 * suffices.
 */
final class EmbeddedProofs {

    static final String CHECK = "ob3.proof";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final DataIntegrityProofs proofs;
    private final EcdsaSd2023 selectiveDisclosure;
    private final RdfCanonicalizer canonicalizer;
    private final KeyResolver keys;
    private final Clock clock;

    EmbeddedProofs(RdfCanonicalizer canonicalizer, KeyResolver keys, Clock clock) {
        this.canonicalizer = canonicalizer;
        this.proofs = new DataIntegrityProofs(canonicalizer);
        this.selectiveDisclosure = new EcdsaSd2023(canonicalizer);
        this.keys = keys;
        this.clock = clock;
    }

    Outcome verify(ObjectNode credential) {
        List<JsonNode> all = Json.list(credential, "proof");
        if (all.isEmpty()) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.none"));
        }
        Outcome first = null;
        Outcome firstUnsupported = null;
        Outcome passed = null;
        for (JsonNode node : all) {
            if (!(node instanceof ObjectNode proof)) {
                return Outcome.of(Check.failed(CHECK, "ob3.proof.malformed"));
            }
            Outcome outcome = supported(proof) ? verifyOne(credential, proof) : unsupported(credential, proof);
            if (outcome == null) {
                continue;
            }
            if (outcome.check().status() == org.insigne.core.verification.CheckStatus.FAILED
                    && "ob3.proof.undefined-type".equals(outcome.check().messageKey())) {
                // A proof no context defines is content no signature covers (safe mode, HOSTILE S8).
                return outcome;
            }
            if (outcome.check().status() == org.insigne.core.verification.CheckStatus.PASSED) {
                passed = passed == null ? outcome : passed;
            } else if (outcome.unsupported()) {
                // A proof we cannot check says nothing against the credential: another proof's failure does.
                firstUnsupported = firstUnsupported == null ? outcome : firstUnsupported;
            } else if (first == null) {
                first = outcome;
            }
        }
        if (passed != null) {
            return passed;
        }
        if (first == null) {
            first = firstUnsupported;
        }
        return first != null ? first : Outcome.of(Check.failed(CHECK, "ob3.proof.unsupported",
                String.valueOf(Json.text(all.get(0), "type"))));
    }

    private static boolean supported(ObjectNode proof) {
        String type = Json.text(proof, "type");
        String suite = Json.text(proof, "cryptosuite");
        return DataIntegrityProofs.PROOF_TYPE.equals(type)
                && (DataIntegrityProofs.CRYPTOSUITE.equals(suite) || "eddsa-2022".equals(suite)
                        || EcdsaSd2023.CRYPTOSUITE.equals(suite))
                || "Ed25519Signature2020".equals(type);
    }

    /** Unsupported proofs are skipped, unless their terms are undefined in the document's contexts. */
    private @Nullable Outcome unsupported(ObjectNode credential, ObjectNode proof) {
        ObjectNode probe = proof.deepCopy();
        probe.remove("proofValue");
        JsonNode context = credential.get("@context");
        if (context != null) {
            probe.set("@context", context.deepCopy());
        }
        try {
            canonicalizer.canonicalize((jakarta.json.JsonObject) JakartaJson.of(probe));
        } catch (JsonLdRejected e) {
            if (e.reason() == JsonLdRejected.Reason.UNDEFINED_TERM) {
                return Outcome.of(Check.failed(CHECK, "ob3.proof.undefined-type",
                        String.valueOf(Json.text(proof, "type"))));
            }
        }
        String type = String.valueOf(Json.text(proof, "type"));
        String suite = Json.text(proof, "cryptosuite");
        // Not checked is not broken: the verdict says "not supported", naming what, rather than "invalid".
        return Outcome.unsupported(DataIntegrityProofs.PROOF_TYPE.equals(type)
                ? Check.skipped(CHECK, "ob3.proof.unsupported-suite", type, String.valueOf(suite))
                : Check.skipped(CHECK, "ob3.proof.unsupported", type));
    }

    private Outcome verifyOne(ObjectNode credential, ObjectNode proof) {
        String purpose = Json.text(proof, "proofPurpose");
        if (!"assertionMethod".equals(purpose)) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.wrong-purpose", String.valueOf(purpose)));
        }
        String created = Json.text(proof, "created");
        if (created != null) {
            try {
                Instant at = OffsetDateTime.parse(created).toInstant();
                if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
                    return Outcome.of(Check.failed(CHECK, "ob3.proof.created-in-future", created));
                }
            } catch (DateTimeParseException e) {
                return Outcome.of(Check.failed(CHECK, "ob3.proof.malformed"));
            }
        } else if ("Ed25519Signature2020".equals(Json.text(proof, "type"))) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.malformed"));
        }
        String proofValue = Json.text(proof, "proofValue");
        String methodId = Json.text(proof, "verificationMethod");
        if (proofValue == null || methodId == null) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.malformed"));
        }
        if (!EcdsaSd2023.CRYPTOSUITE.equals(Json.text(proof, "cryptosuite")) && !isBase58btc(proofValue)) {
            // A value that cannot be decoded was never a signature: malformed, not "changed after issue".
            return Outcome.of(Check.failed(CHECK, "ob3.proof.not-multibase"));
        }
        VerificationMethod method;
        try {
            method = keys.resolve(methodId);
        } catch (KeyNotResolved e) {
            Check check = e.isOutage() ? Check.warning(CHECK, e.messageKey(), e.args().toArray())
                    : Check.failed(CHECK, e.messageKey(), e.args().toArray());
            return new Outcome(check, e.isOutage());
        }
        String issuer = VcJwts.issuerId(credential);
        if (!Objects.equals(method.controller(), issuer)) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.wrong-controller", methodId, String.valueOf(issuer)));
        }
        if (EcdsaSd2023.CRYPTOSUITE.equals(Json.text(proof, "cryptosuite"))) {
            return selectiveDisclosure(credential, proof, method, methodId);
        }
        byte[] key = method.ed25519();
        if (key == null) {
            return Outcome.of(Check.failed(CHECK, "did.key-not-resolved.unsupported-key", methodId));
        }
        DataIntegrityProofs.HashData hash;
        try {
            hash = proofs.hashData(credential, proof);
        } catch (JsonLdRejected e) {
            return Outcome.of(Check.failed(CHECK, e.messageKey(), e.args().toArray()));
        }
        if (!DataIntegrityProofs.verifySignature(hash, proofValue, key)) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.bad-signature"));
        }
        return Outcome.of(Check.passed(CHECK, "ob3.proof.passed", methodId));
    }

    /** vc-di-eddsa §2.2.1: proofValue is the signature as base58-btc multibase ({@code z}…). */
    private static boolean isBase58btc(String proofValue) {
        if (!proofValue.startsWith("z")) {
            return false;
        }
        try {
            Multibase.decode(proofValue);
            return true;
        } catch (IllegalArgumentException notBase58) {
            return false;
        }
    }

    private Outcome selectiveDisclosure(ObjectNode credential, ObjectNode proof, VerificationMethod method,
                                        String methodId) {
        if (!(method.jwk() instanceof ECKey key) || !Curve.P_256.equals(key.getCurve())) {
            return Outcome.of(Check.failed(CHECK, "did.key-not-resolved.unsupported-key", methodId));
        }
        try {
            if (!selectiveDisclosure.verify(credential, proof, key)) {
                return Outcome.of(Check.failed(CHECK, "ob3.proof.bad-signature"));
            }
        } catch (EcdsaSd2023.ProofValueUnreadable e) {
            return Outcome.of(Check.failed(CHECK, "ob3.proof.malformed"));
        } catch (JsonLdRejected e) {
            return Outcome.of(Check.failed(CHECK, e.messageKey(), e.args().toArray()));
        }
        return Outcome.of(Check.passed(CHECK, "ob3.proof.passed-sd", methodId));
    }
}
