package org.insigne.core.did;

import com.nimbusds.jose.jwk.JWK;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A public key and who controls it, as found in a DID document, a controller document or a Multikey
 * document. Exactly one of {@code ed25519} (raw 32 bytes) and {@code jwk} is set.
 */
public record VerificationMethod(String id, String controller, byte @Nullable [] ed25519, @Nullable JWK jwk) {

    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controller, "controller");
        if ((ed25519 == null) == (jwk == null)) {
            throw new IllegalArgumentException("exactly one key form");
        }
        if (jwk != null && jwk.isPrivate()) {
            throw new IllegalArgumentException("private key in a verification method");
        }
        ed25519 = ed25519 == null ? null : ed25519.clone();
    }

    public static VerificationMethod ed25519(String id, String controller, byte[] key) {
        return new VerificationMethod(id, controller, key, null);
    }

    @Override
    public byte @Nullable [] ed25519() {
        return ed25519 == null ? null : ed25519.clone();
    }

    /** True when both hold the same public key, whatever the encoding (raw Ed25519 or an OKP JWK). */
    public boolean sameKey(JWK other) {
        if (jwk != null) {
            return jwk.toPublicJWK().toJSONObject().equals(other.toPublicJWK().toJSONObject());
        }
        return other instanceof com.nimbusds.jose.jwk.OctetKeyPair okp && "Ed25519".equals(okp.getCurve().getName())
                && Arrays.equals(okp.getDecodedX(), ed25519);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationMethod other && id.equals(other.id) && controller.equals(other.controller)
                && Arrays.equals(ed25519, other.ed25519) && Objects.equals(jwk, other.jwk);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, controller, Arrays.hashCode(ed25519));
    }
}
