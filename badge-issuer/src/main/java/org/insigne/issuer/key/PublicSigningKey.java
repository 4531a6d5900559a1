package org.insigne.issuer.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;

import org.insigne.core.signing.Ed25519Keys;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * The public half of a signing key, as published: raw 32 bytes for Ed25519, X.509 SubjectPublicKeyInfo for RSA.
 * A retired key is still published, since what it signed must keep verifying.
 */
public record PublicSigningKey(SigningKeyId id, OrganisationId organisation, KeyAlgorithm algorithm,
                               byte[] publicKey, Instant createdAt, @Nullable Instant retiredAt) {

    public PublicSigningKey {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The Ed25519 key as a Multikey {@code publicKeyMultibase} (z + base58btc of 0xed01 + key). */
    public String multibase() {
        if (algorithm != KeyAlgorithm.ED25519) {
            throw new IllegalStateException("not an Ed25519 key");
        }
        return Ed25519Keys.publicKeyMultibase(publicKey);
    }

    /** The RSA key, for OB 2.0 CryptographicKey documents. */
    public PublicKey rsaPublicKey() {
        if (algorithm != KeyAlgorithm.RSA) {
            throw new IllegalStateException("not an RSA key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored RSA key unreadable", e);
        }
    }
}
