package org.insigne.issuer.bulk;

/** A bulk award moves forward only: shown for review, then issuing in the background, then done. */
public enum BulkJobStatus { PREVIEW, RUNNING, DONE }
