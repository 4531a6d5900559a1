package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * How an assertion is verified ({@link Kind#HOSTED} or {@link Kind#SIGNED}), or, in an issuer Profile, the
 * hosting policy ({@link Kind#POLICY}: {@code startsWith}, {@code allowedOrigins}).
 */
public record VerificationObject(Kind kind, @Nullable URI creator, List<String> startsWith,
                                 List<String> allowedOrigins, @Nullable String verificationProperty,
                                 JsonNode json) {

    public enum Kind { HOSTED, SIGNED, POLICY }

    public VerificationObject {
        Objects.requireNonNull(kind, "kind");
        startsWith = List.copyOf(startsWith);
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(json, "json");
    }
}
