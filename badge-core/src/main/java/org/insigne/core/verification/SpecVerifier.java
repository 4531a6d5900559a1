package org.insigne.core.verification;

import java.time.Clock;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchedDocument;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The verifier of one Open Badges specification, as {@link Verifier} uses it once it has worked out what an
 * input is. Implementations live in their specification's package and register a {@link Provider} with
 * {@link java.util.ServiceLoader} ({@code META-INF/services}), so that this package needs to know none of
 * them and feature packages stay free of cycles.
 */
public interface SpecVerifier {

    /** Creates the verifier of one specification; needs a public no-argument constructor. */
    interface Provider {
        Spec spec();

        SpecVerifier create(DocumentFetcher fetcher, Clock clock);
    }

    /** True when the parsed JSON document belongs to this specification (context, type...). */
    boolean recognises(JsonNode document);

    /** Verifies pasted or uploaded text: JSON, or a compact JWS/JWT. */
    VerificationReport verify(String text, @Nullable String recipient);

    /** Verifies a document fetched from the address the user gave. */
    VerificationReport verifyFetched(FetchedDocument document, @Nullable String recipient);

    /**
     * Verifies a payload unbaked from an image; {@code verifyAttribute} is the SVG {@code verify} attribute,
     * if any.
     */
    VerificationReport verifyBaked(String payload, @Nullable String verifyAttribute, @Nullable String recipient);
}
