package org.insigne.core.jsonld;

import org.insigne.core.error.InputRejected;

/**
 * A document could not be processed as JSON-LD under our rules. Each {@link Reason} has a message key
 * {@code jsonld.rejected.<reason>} resolved by {@link org.insigne.core.verification.CheckMessages}.
 */
public final class JsonLdRejected extends InputRejected {

    public enum Reason {
        /** An {@code @context} URL that is not bundled: never fetched (HOSTILE F7). */
        UNKNOWN_CONTEXT,
        /** A term that no context defines, or one only the VCDM 2.0 issuer-dependent vocabulary catches (S8). */
        UNDEFINED_TERM,
        /** An inline context tries to redefine a protected term of a bundled context. */
        PROTECTED_TERM_REDEFINED,
        /** Canonicalisation took more work than any honest credential needs (S9). */
        TOO_COMPLEX,
        /** Any other JSON-LD error (invalid context, invalid value object, ...). */
        INVALID
    }

    private final Reason reason;

    public JsonLdRejected(Reason reason, String detail) {
        super("jsonld.rejected.", reason, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
