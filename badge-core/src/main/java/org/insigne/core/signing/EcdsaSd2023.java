package org.insigne.core.signing;

import com.nimbusds.jose.jwk.ECKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies {@code ecdsa-sd-2023} derived proofs (vc-di-ecdsa §3.4 "ecdsa-sd-2023 Functions", §3.6.7 "Verify
 * Derived Proof"): the holder disclosed some statements of the issuer's credential; the issuer's P-256 key
 * signed the proof configuration, an ephemeral key and the hash of the mandatory statements, and the
 * ephemeral key signed each other statement. Base proofs (those the issuer hands the holder) are not for
 * verifiers and are refused, as the specification says.
 */
public final class EcdsaSd2023 {

    public static final String CRYPTOSUITE = "ecdsa-sd-2023";

    /** vc-di-ecdsa §3.5.7 "parseDerivedProofValue": CBOR tag header of a derived proof. */
    private static final byte[] DERIVED_HEADER = {(byte) 0xd9, 0x5d, 0x01};
    private static final Pattern C14N_LABEL = Pattern.compile("_:(c14n[0-9]+)");

    private final DataIntegrityProofs hashes;

    public EcdsaSd2023(RdfCanonicalizer canonicalizer) {
        this.hashes = new DataIntegrityProofs(canonicalizer);
    }

    /** The proof value could not be read as a derived ecdsa-sd-2023 proof. Message key {@code ob3.proof.malformed}. */
    public static final class ProofValueUnreadable extends Exception {
        public ProofValueUnreadable(String detail) {
            super(detail);
        }
    }

    /** The five parts of a derived proof value (§3.5.7). */
    record DerivedProof(byte[] baseSignature, byte[] publicKey, List<byte[]> signatures, Map<String, String> labelMap,
                        List<Integer> mandatoryIndexes) {
    }

    /**
     * True when {@code proof} (a {@code DataIntegrityProof} with cryptosuite {@code ecdsa-sd-2023}) over
     * {@code document} verifies with {@code issuerKey}.
     *
     * @throws ProofValueUnreadable when the proof value is not a derived proof
     * @throws JsonLdRejected when the document cannot be canonicalised
     */
    public boolean verify(ObjectNode document, ObjectNode proof, ECKey issuerKey)
            throws ProofValueUnreadable, JsonLdRejected {
        var proofValue = proof.get("proofValue");
        if (proofValue == null || !proofValue.isString()) {
            throw new ProofValueUnreadable("proofValue missing");
        }
        DerivedProof derived = parseDerivedProofValue(proofValue.asString());
        // §3.6.8 "createVerifyData": proof hash as for every Data Integrity suite, then the disclosed statements
        // relabelled with the issuer's HMAC labels and sorted.
        DataIntegrityProofs.HashData hash = hashes.hashData(document, proof);
        List<String> nquads = relabel(hash.canonicalDocument(), derived.labelMap());
        if (nquads == null) {
            return false;
        }
        Set<Integer> mandatoryIndexes = new HashSet<>(derived.mandatoryIndexes());
        ByteArrayOutputStream mandatory = new ByteArrayOutputStream();
        List<String> nonMandatory = new ArrayList<>();
        for (int i = 0; i < nquads.size(); i++) {
            if (mandatoryIndexes.contains(i)) {
                mandatory.writeBytes(nquads.get(i).getBytes(StandardCharsets.UTF_8));
            } else {
                nonMandatory.add(nquads.get(i));
            }
        }
        if (derived.mandatoryIndexes().stream().anyMatch(i -> i < 0 || i >= nquads.size())
                || derived.signatures().size() != nonMandatory.size()) {
            return false;
        }
        ECKey ephemeral;
        try {
            ephemeral = P256Keys.fromMultikeyBytes(derived.publicKey());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // §3.6.7 step 6, §3.5.2 "serializeSignData": proofHash || publicKey (Multikey bytes) || mandatoryHash.
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.writeBytes(hash.proofConfigHash());
        signed.writeBytes(derived.publicKey());
        signed.writeBytes(sha256(mandatory.toByteArray()));
        if (!P256Keys.verify(issuerKey, signed.toByteArray(), derived.baseSignature())) {
            return false;
        }
        for (int i = 0; i < nonMandatory.size(); i++) {
            if (!P256Keys.verify(ephemeral, nonMandatory.get(i).getBytes(StandardCharsets.UTF_8),
                    derived.signatures().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** §3.5.7 "parseDerivedProofValue" and §3.5.6 "decompressLabelMap". */
    static DerivedProof parseDerivedProofValue(String proofValue) throws ProofValueUnreadable {
        if (!proofValue.startsWith("u")) {
            throw new ProofValueUnreadable("not base64url-no-pad multibase");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(proofValue.substring(1));
        } catch (IllegalArgumentException e) {
            throw new ProofValueUnreadable("not base64url");
        }
        if (bytes.length < 3 || bytes[0] != DERIVED_HEADER[0] || bytes[1] != DERIVED_HEADER[1]
                || bytes[2] != DERIVED_HEADER[2]) {
            throw new ProofValueUnreadable("not a derived proof");
        }
        try {
            if (!(Cbor.decode(bytes, 3) instanceof List<?> parts) || parts.size() != 5
                    || !(parts.get(0) instanceof byte[] baseSignature) || !(parts.get(1) instanceof byte[] publicKey)
                    || !(parts.get(2) instanceof List<?> signatureItems) || !(parts.get(3) instanceof Map<?, ?> compressed)
                    || !(parts.get(4) instanceof List<?> indexItems)) {
                throw new ProofValueUnreadable("derived proof is not [bytes, bytes, [bytes], {int: bytes}, [int]]");
            }
            List<byte[]> signatures = new ArrayList<>();
            for (Object item : signatureItems) {
                if (!(item instanceof byte[] signature)) {
                    throw new ProofValueUnreadable("signature is not a byte string");
                }
                signatures.add(signature);
            }
            Map<String, String> labelMap = new HashMap<>();
            for (Map.Entry<?, ?> entry : compressed.entrySet()) {
                if (!(entry.getValue() instanceof byte[] label)) {
                    throw new ProofValueUnreadable("label is not a byte string");
                }
                labelMap.put("c14n" + entry.getKey(), "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(label));
            }
            List<Integer> indexes = new ArrayList<>();
            for (Object item : indexItems) {
                if (!(item instanceof Long index) || index > Integer.MAX_VALUE) {
                    throw new ProofValueUnreadable("mandatory index is not an integer");
                }
                indexes.add(index.intValue());
            }
            return new DerivedProof(baseSignature, publicKey, signatures, labelMap, indexes);
        } catch (IllegalArgumentException e) {
            throw new ProofValueUnreadable(String.valueOf(e.getMessage()));
        }
    }

    /**
     * §3.4.4 "labelReplacementCanonicalizeJsonLd" with §3.5.5 "createLabelMapFunction": each canonical blank
     * node label {@code c14nN} becomes the issuer's label; the N-Quads are then sorted. Null when the map lacks
     * a label: the document holds a blank node the issuer never signed.
     */
    static @Nullable List<String> relabel(String canonicalNQuads, Map<String, String> labelMap) {
        List<String> out = new ArrayList<>();
        for (String line : canonicalNQuads.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = C14N_LABEL.matcher(line);
            StringBuilder relabelled = new StringBuilder();
            while (matcher.find()) {
                String label = labelMap.get(matcher.group(1));
                if (label == null) {
                    return null;
                }
                matcher.appendReplacement(relabelled, Matcher.quoteReplacement("_:" + label));
            }
            matcher.appendTail(relabelled);
            out.add(relabelled.append('\n').toString());
        }
        out.sort(null);
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
