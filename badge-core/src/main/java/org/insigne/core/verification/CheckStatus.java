package org.insigne.core.verification;

/** Outcome of one verification check. */
public enum CheckStatus {
    PASSED, FAILED, WARNING, SKIPPED
}
