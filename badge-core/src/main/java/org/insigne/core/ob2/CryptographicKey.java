package org.insigne.core.ob2;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A public key an issuer publishes for signed assertions. {@code owner} must name the issuer Profile that
 * lists this key under {@code publicKey}: the two-way link is what makes the key the issuer's.
 */
public record CryptographicKey(URI id, @Nullable URI owner, String publicKeyPem, JsonNode json) {

    public CryptographicKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
        Objects.requireNonNull(json, "json");
    }
}
