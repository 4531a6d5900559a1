package org.insigne.core.baking;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is baked into a badge image.
 *
 * @param kind            OB 2.0 assertion or OB 3.0 credential
 * @param text            what was baked: the assertion or credential JSON, a compact JWS/JWT, or (legacy OB 2.0
 *                        {@code tEXt} chunk, SVG element with only a {@code verify} attribute) a URL
 * @param verifyAttribute the SVG {@code verify} attribute when present (hosted assertion URL or JWS), else null;
 *                        PNG images have no such attribute
 */
public record BakedPayload(PayloadKind kind, String text, @Nullable String verifyAttribute) {

    public BakedPayload {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
