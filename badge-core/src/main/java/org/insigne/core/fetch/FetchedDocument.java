package org.insigne.core.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * A document retrieved from {@code requested}, possibly served from {@code finalUri} after redirects.
 * The body is kept as bytes: a hosted assertion must be compared and a signed one verified as served.
 */
public record FetchedDocument(URI requested, URI finalUri, String contentType, byte[] body) {

    public FetchedDocument {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
