package org.insigne.core.jsonld;

import java.util.List;

/**
 * A document could not be processed as JSON-LD under our rules. Each {@link Reason} has a message key
 * {@code jsonld.rejected.<reason>} resolved by {@link org.insigne.core.verification.CheckMessages}.
 */
public final class JsonLdRejected extends Exception {

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
    private final String detail;

    public JsonLdRejected(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The URL, term or library message the rejection is about. */
    public String detail() {
        return detail;
    }

    public String messageKey() {
        return "jsonld.rejected." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public List<Object> args() {
        return List.of(detail);
    }
}
