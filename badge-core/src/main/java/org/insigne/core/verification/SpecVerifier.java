package org.insigne.core.verification;

import java.time.Clock;

import org.insigne.core.fetch.DocumentFetcher;
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

    /**
     * Verifies what {@link Verifier} found the input to be; {@code recipient}, when given, is the identity the
     * badge should have been awarded to.
     */
    VerificationReport verify(Payload payload, @Nullable String recipient);
}
