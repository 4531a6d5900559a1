package org.insigne.core.signing;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.insigne.core.jsonld.JakartaJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.jsonld.RdfCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite (W3C vc-di-eddsa §3.3): both the
 * document without its proof and the proof configuration are canonicalised with RDFC-1.0, each hashed with
 * SHA-256, and the 64 bytes {@code hash(proofConfig) ‖ hash(document)} are signed with Ed25519.
 * This class does the cryptography only; key resolution and policy checks (purpose, controller) belong to
 * the verifier.
 */
public final class DataIntegrityProofs {

    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    private final RdfCanonicalizer canonicalizer;
    private final ProofConfigTemplates proofConfigs;

    public DataIntegrityProofs(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
        this.proofConfigs = new ProofConfigTemplates(canonicalizer);
    }

    public static DataIntegrityProofs standard() {
        return new DataIntegrityProofs(RdfCanonicalizer.standard());
    }

    /** The options of a new proof (vc-data-integrity §2.1). */
    public record ProofOptions(String verificationMethod, Instant created, String proofPurpose) {
        public ProofOptions {
            Objects.requireNonNull(verificationMethod, "verificationMethod");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(proofPurpose, "proofPurpose");
        }

        public static ProofOptions assertion(String verificationMethod, Instant created) {
            return new ProofOptions(verificationMethod, created.truncatedTo(ChronoUnit.SECONDS), "assertionMethod");
        }
    }

    /** The intermediate values of one proof, as the W3C test vectors list them. */
    public record HashData(String canonicalDocument, String canonicalProofConfig, byte[] documentHash,
                           byte[] proofConfigHash) {
        /** {@code proofConfigHash ‖ documentHash}: the bytes signed. */
        public byte[] combined() {
            byte[] out = new byte[64];
            System.arraycopy(proofConfigHash, 0, out, 0, 32);
            System.arraycopy(documentHash, 0, out, 32, 32);
            return out;
        }
    }

    /** Returns a copy of {@code unsecured} with a new proof; an existing {@code proof} is replaced. */
    public ObjectNode sign(ObjectNode unsecured, ProofOptions options, Ed25519Keys.KeyPair keys) throws JsonLdRejected {
        ObjectNode document = unsecured.deepCopy();
        document.remove("proof");
        ObjectNode proof = document.objectNode();
        proof.put("type", PROOF_TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("created", options.created().toString());
        proof.put("verificationMethod", options.verificationMethod());
        proof.put("proofPurpose", options.proofPurpose());
        HashData hash = hashData(document, proof, false);
        proof.put("proofValue", Multibase.base58btc(Ed25519Keys.sign(keys, hash.combined())));
        document.set("proof", proof);
        return document;
    }

    /**
     * Hashes {@code document} (its {@code proof} ignored) and {@code proof} (its {@code proofValue} ignored,
     * {@code @context} taken from the document, vc-di-eddsa §3.3.5 step 2).
     */
    public HashData hashData(ObjectNode document, ObjectNode proof) throws JsonLdRejected {
        return hashData(document, proof, true);
    }

    /** {@code memo} false for a document being signed, which nobody has canonicalised before. */
    private HashData hashData(ObjectNode document, ObjectNode proof, boolean memo) throws JsonLdRejected {
        ObjectNode unsecured = document.deepCopy();
        unsecured.remove("proof");
        ObjectNode proofConfig = proof.deepCopy();
        proofConfig.remove("proofValue");
        JsonNode context = document.get("@context");
        if (context != null) {
            proofConfig.set("@context", context.deepCopy());
        } else {
            proofConfig.remove("@context");
        }
        String canonicalProof = proofConfigs.canonicalize(proofConfig);
        JsonObject json = (JsonObject) JakartaJson.of(unsecured);
        String canonicalDocument = memo ? canonicalizer.canonicalize(json) : canonicalizer.canonicalizeNew(json);
        return new HashData(canonicalDocument, canonicalProof, sha256(canonicalDocument), sha256(canonicalProof));
    }

    /** True when {@code proofValue} is a valid signature by {@code publicKey} over {@code hash}. */
    public static boolean verifySignature(HashData hash, String proofValue, byte[] publicKey) {
        byte[] signature;
        try {
            if (!proofValue.startsWith("z")) {
                return false;
            }
            signature = Multibase.decode(proofValue);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Ed25519Keys.verify(publicKey, hash.combined(), signature);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }
}
