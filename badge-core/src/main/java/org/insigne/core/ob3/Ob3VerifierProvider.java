package org.insigne.core.ob3;

import java.time.Clock;
import java.util.Objects;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.jsonld.RdfCanonicalizer;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.SpecVerifier;

/** Registers {@link Ob3Verifier} with the universal {@link org.insigne.core.verification.Verifier}. */
public final class Ob3VerifierProvider implements SpecVerifier.Provider {

    private final StatusListTrust statusListTrust;

    /** The registered provider: the default status list policy ({@link StatusListTrust#ANY_VERIFIED_ISSUER}). */
    public Ob3VerifierProvider() {
        this(StatusListTrust.ANY_VERIFIED_ISSUER);
    }

    /** A provider for a configured policy, to hand to {@code new Verifier(..., List.of(provider))}. */
    public Ob3VerifierProvider(StatusListTrust statusListTrust) {
        this.statusListTrust = Objects.requireNonNull(statusListTrust, "statusListTrust");
    }

    @Override
    public Spec spec() {
        return Spec.OB3;
    }

    @Override
    public SpecVerifier create(DocumentFetcher fetcher, Clock clock) {
        return new Ob3Verifier(fetcher, clock, RdfCanonicalizer.standard(), statusListTrust);
    }
}
