package org.insigne.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.BundledContexts;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** W3C vc-di-eddsa test vectors (TestVectors/eddsa-rdfc-2022), reproduced byte for byte. */
class DataIntegrityProofsTests {

    /** VCDM 2.0 §B.1 defines the examples context as a single {@code @vocab}; the vectors use it. */
    static final Map<String, String> EXAMPLES_CONTEXT = Map.of("https://www.w3.org/ns/credentials/examples/v2",
            "{\"@context\":{\"@vocab\":\"https://www.w3.org/ns/credentials/examples#\"}}");

    private final DataIntegrityProofs proofs = new DataIntegrityProofs(
            new RdfCanonicalizer(BundledContexts.standard().with(EXAMPLES_CONTEXT)));

    static Path vectors() {
        return SharedConformance.require("w3c-vc-di-eddsa/TestVectors");
    }

    static String read(Path path) throws IOException {
        return Files.readString(path);
    }

    @Test
    void reproducesTheW3cTestVectorExactly() throws Exception {
        Path dir = vectors();
        Path suite = dir.resolve("eddsa-rdfc-2022");
        ObjectNode unsigned = BoundedJson.readObject(read(dir.resolve("unsigned.json")));
        ObjectNode proofConfig = BoundedJson.readObject(read(suite.resolve("proofConfigDataInt.json")));
        ObjectNode keyPair = BoundedJson.readObject(read(dir.resolve("keyPair.json")));

        DataIntegrityProofs.HashData hash = proofs.hashData(unsigned, proofConfig);

        assertThat(hash.canonicalDocument()).isEqualTo(read(suite.resolve("canonDocDataInt.txt")).strip() + "\n");
        assertThat(hash.canonicalProofConfig()).isEqualTo(read(suite.resolve("proofCanonDataInt.txt")).strip() + "\n");
        assertThat(HexFormat.of().formatHex(hash.documentHash())).isEqualTo(read(suite.resolve("docHashDataInt.txt")).strip());
        assertThat(HexFormat.of().formatHex(hash.proofConfigHash())).isEqualTo(read(suite.resolve("proofHashDataInt.txt")).strip());
        assertThat(HexFormat.of().formatHex(hash.combined())).isEqualTo(read(suite.resolve("combinedHashDataInt.txt")).strip());

        Ed25519Keys.KeyPair keys = Ed25519Keys.fromPrivateKey(
                Ed25519Keys.decodePrivateKeyMultibase(keyPair.get("privateKeyMultibase").asString()));
        assertThat(keys.publicKeyMultibase()).isEqualTo(keyPair.get("publicKeyMultibase").asString());
        byte[] signature = Ed25519Keys.sign(keys, hash.combined());
        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(read(suite.resolve("sigHexDataInt.txt")).strip());
        assertThat(Multibase.base58btc(signature)).isEqualTo(read(suite.resolve("sigBTC58DataInt.txt")).strip());

        ObjectNode signed = proofs.sign(unsigned, DataIntegrityProofs.ProofOptions.assertion(
                proofConfig.get("verificationMethod").asString(), Instant.parse("2023-02-24T23:36:38Z")), keys);
        assertThat(signed).isEqualTo(BoundedJson.readObject(read(suite.resolve("signedDataInt.json"))));
    }

    @Test
    void verifiesTheSignedVectorAndRejectsAnEditedOne() throws Exception {
        Path suite = vectors().resolve("eddsa-rdfc-2022");
        ObjectNode signed = BoundedJson.readObject(read(suite.resolve("signedDataInt.json")));
        ObjectNode proof = (ObjectNode) signed.get("proof");
        byte[] key = Ed25519Keys.decodePublicKeyMultibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");

        assertThat(DataIntegrityProofs.verifySignature(proofs.hashData(signed, proof),
                proof.get("proofValue").asString(), key)).isTrue();

        ((ObjectNode) signed.get("credentialSubject")).put("alumniOf", "Another School");
        assertThat(DataIntegrityProofs.verifySignature(proofs.hashData(signed, proof),
                proof.get("proofValue").asString(), key)).isFalse();
    }

    @Test
    void roundTripsBase58AndMultikeys() {
        byte[] bytes = {0, 0, 1, 2, (byte) 255, 42};
        assertThat(Multibase.decode(Multibase.base58btc(bytes))).isEqualTo(bytes);
        assertThat(Multibase.decode(Multibase.base64url(bytes))).isEqualTo(bytes);
        Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
        assertThat(keys.publicKeyMultibase()).startsWith("z6Mk");
        assertThat(Ed25519Keys.decodePublicKeyMultibase(keys.publicKeyMultibase())).isEqualTo(keys.publicKey());
    }
}
