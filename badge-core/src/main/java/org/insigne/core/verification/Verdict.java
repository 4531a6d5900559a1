package org.insigne.core.verification;

/**
 * Overall answer of a verification. {@link #INDETERMINATE} when something needed could not be reached or
 * read: it is never shown as valid. {@link #UNSUPPORTED} when the document is not a badge (a CLR transcript,
 * another kind of verifiable credential) or is secured by a means Insigne cannot check (an unknown
 * cryptosuite): nothing was found wrong with it, and nothing proves it either.
 */
public enum Verdict {
    VALID, INVALID, INDETERMINATE, UNSUPPORTED
}
