package org.insigne.issuer.bulk;

import org.insigne.core.error.DomainException;

/** The uploaded file is not a CSV file we can read as a whole; {@code reason} names why, for the message. */
public final class CsvRejected extends DomainException {

    public CsvRejected(String reason, Object... args) {
        super(Kind.INVALID, "error.bulk.csv." + reason, args);
    }
}
