package org.insigne.backpack.badge;

import org.insigne.core.verification.Verdict;

/** What the last verification of a stored badge said, in the earner's words. */
public enum VerificationStatus {
    /** Every check passed. */
    VERIFIED,
    /** Something needed could not be reached (the issuer's site, a revocation list): neither proof nor refutation. */
    UNVERIFIED,
    /** A check failed at the last re-check: revoked, expired, altered. */
    INVALID;

    static VerificationStatus of(Verdict verdict) {
        return switch (verdict) {
            case VALID -> VERIFIED;
            // A kept badge found unsupported later (say, verified by another means before) is not disproved.
            case INDETERMINATE, UNSUPPORTED -> UNVERIFIED;
            case INVALID -> INVALID;
        };
    }
}
