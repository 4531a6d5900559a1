package org.insigne.core.verification;

/**
 * Overall answer of a verification. {@link #INDETERMINATE} when something needed could not be reached or
 * read: it is never shown as valid.
 */
public enum Verdict {
    VALID, INVALID, INDETERMINATE
}
