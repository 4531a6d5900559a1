package org.insigne.issuer.bulk;

/** Published when a file is confirmed; its job starts once the rows are committed. */
record BulkJobConfirmed(BulkJobId job) {
}
