package org.insigne.core.ob2;

import java.time.Clock;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.SpecVerifier;

/** Registers {@link Ob2Verifier} with the universal {@link org.insigne.core.verification.Verifier}. */
public final class Ob2VerifierProvider implements SpecVerifier.Provider {

    @Override
    public Spec spec() {
        return Spec.OB2;
    }

    @Override
    public SpecVerifier create(DocumentFetcher fetcher, Clock clock) {
        return new Ob2Verifier(fetcher, clock);
    }
}
