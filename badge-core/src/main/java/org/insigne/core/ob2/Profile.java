package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * An issuer or other party (OB 2.0 Profile / Issuer). Name, url and email are required of issuers by the
 * spec; the reader keeps them nullable and the verifier decides how severe an absence is.
 */
public record Profile(URI id, List<String> types, @Nullable String name, @Nullable String url,
                      @Nullable String email, @Nullable String telephone, @Nullable String description,
                      @Nullable Image image, List<URI> publicKeys, List<CryptographicKey> embeddedKeys,
                      @Nullable VerificationObject verification, @Nullable URI revocationList,
                      List<Ref<Endorsement>> endorsements, JsonNode json) {

    public Profile {
        Objects.requireNonNull(id, "id");
        types = List.copyOf(types);
        publicKeys = List.copyOf(publicKeys);
        embeddedKeys = List.copyOf(embeddedKeys);
        endorsements = List.copyOf(endorsements);
        Objects.requireNonNull(json, "json");
    }

    /** Name to show, falling back to the id so that a page never shows nothing. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : id.toString();
    }
}
