package org.insigne.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.testing.SharedConformance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** ecdsa-sd-2023 derived proofs, on the selective-disclosure sample of 1EdTech's validator. */
class EcdsaSd2023Tests {

    private final EcdsaSd2023 suite = new EcdsaSd2023(RdfCanonicalizer.standard());

    private static ObjectNode derived() throws Exception {
        Path file = SharedConformance.require("1edtech-dcpv/ob30/sd/derivedcredential.json");
        return BoundedJson.readObject(Files.readString(file));
    }

    private static ObjectNode proof(ObjectNode credential) {
        return (ObjectNode) credential.get("proof").get(0);
    }

    private static ECKey issuerKey(ObjectNode credential) {
        String method = proof(credential).get("verificationMethod").asString();
        return P256Keys.decodePublicKeyMultibase(method.substring(method.indexOf('#') + 1));
    }

    @Test
    void verifiesTheDisclosedStatementsWithTheIssuerKey() throws Exception {
        ObjectNode credential = derived();

        assertThat(suite.verify(credential, proof(credential), issuerKey(credential))).isTrue();
    }

    @Test
    void rejectsAChangedOrWithheldStatementAndAnotherKey() throws Exception {
        ObjectNode changed = derived();
        ((ObjectNode) changed.get("credentialSubject").get("achievement")).put("name", "Leadership");
        ObjectNode withheld = derived();
        ((ObjectNode) withheld.get("credentialSubject").get("achievement")).remove("description");
        ObjectNode credential = derived();
        ECKey other = P256Keys.fromMultikeyBytes(EcdsaSd2023.parseDerivedProofValue(
                proof(credential).get("proofValue").asString()).publicKey());

        assertThat(suite.verify(changed, proof(changed), issuerKey(changed))).isFalse();
        assertThat(suite.verify(withheld, proof(withheld), issuerKey(withheld))).isFalse();
        assertThat(suite.verify(credential, proof(credential), other)).isFalse();
    }

    @Test
    void refusesBaseProofsAndUnreadableProofValues() throws Exception {
        ObjectNode credential = derived();
        byte[] bytes = Base64.getUrlDecoder().decode(proof(credential).get("proofValue").asString().substring(1));
        byte[] base = bytes.clone();
        base[2] = 0x00;
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        byte[] hugeArray = {(byte) 0xd9, 0x5d, 0x01, (byte) 0x9b, 0x7f, -1, -1, -1, -1, -1, -1, -1};

        for (byte[] value : new byte[][] {base, truncated, hugeArray}) {
            proof(credential).put("proofValue", Multibase.base64url(value));
            assertThatThrownBy(() -> suite.verify(credential, proof(credential), issuerKey(credential)))
                    .isInstanceOf(EcdsaSd2023.ProofValueUnreadable.class);
        }
        proof(credential).put("proofValue", Multibase.base58btc(bytes));
        assertThatThrownBy(() -> suite.verify(credential, proof(credential), issuerKey(credential)))
                .isInstanceOf(EcdsaSd2023.ProofValueUnreadable.class);
    }

    @Test
    void refusesP256KeysOffTheCurveOrOfAnotherType() {
        byte[] notCompressed = new byte[35];
        notCompressed[0] = (byte) 0x80;
        notCompressed[1] = 0x24;
        notCompressed[2] = 0x05;
        String ed25519 = Ed25519Keys.generate().publicKeyMultibase();

        assertThatThrownBy(() -> P256Keys.fromMultikeyBytes(notCompressed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> P256Keys.decodePublicKeyMultibase(ed25519)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relabelsCanonicalBlankNodesAndSortsTheStatements() {
        String canonical = "_:c14n1 <urn:p> \"b\" .\n_:c14n0 <urn:p> _:c14n1 .\n";

        assertThat(EcdsaSd2023.relabel(canonical, java.util.Map.of("c14n0", "uZZ", "c14n1", "uAA")))
                .containsExactly("_:uAA <urn:p> \"b\" .\n", "_:uZZ <urn:p> _:uAA .\n");
        assertThat(EcdsaSd2023.relabel(canonical, java.util.Map.of("c14n0", "uZZ"))).isNull();
    }
}
