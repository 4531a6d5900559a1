package org.insigne.issuer.bulk;

/** What became of one row of a confirmed file. */
public enum BulkRowStatus {
    /** Waiting for the job. */
    PENDING,
    /** Awarded by this job. */
    ISSUED,
    /** Not awarded again: the same award exists already (an earlier upload, or this file twice). */
    DUPLICATE,
    /** Not awarded: the row had errors at confirmation. */
    INVALID,
    /** Not awarded: refused while issuing. */
    FAILED
}
