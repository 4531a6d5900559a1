package org.insigne.core.ob2;

import java.net.URI;
import java.security.PublicKey;
import java.util.Objects;

import org.insigne.core.signing.PemKeys;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    /** The document an issuer publishes at {@code id} and lists under its Profile's {@code publicKey}. */
    public static CryptographicKey of(URI id, URI owner, PublicKey key) {
        String pem = PemKeys.encode(key);
        ObjectNode json = Ob2Json.MAPPER.createObjectNode();
        json.put("@context", Ob2Writer.CONTEXT);
        json.put("id", id.toString());
        json.put("type", "CryptographicKey");
        json.put("owner", owner.toString());
        json.put("publicKeyPem", pem);
        return new CryptographicKey(id, owner, pem, json);
    }
}
