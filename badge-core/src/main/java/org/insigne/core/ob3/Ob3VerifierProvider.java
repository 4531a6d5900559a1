package org.insigne.core.ob3;

import java.time.Clock;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.SpecVerifier;

/** Registers {@link Ob3Verifier} with the universal {@link org.insigne.core.verification.Verifier}. */
public final class Ob3VerifierProvider implements SpecVerifier.Provider {

    @Override
    public Spec spec() {
        return Spec.OB3;
    }

    @Override
    public SpecVerifier create(DocumentFetcher fetcher, Clock clock) {
        return new Ob3Verifier(fetcher, clock);
    }
}
