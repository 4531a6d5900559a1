package org.insigne.issuer.bulk;

import org.insigne.core.error.DomainException;

/** The file was confirmed already (a second click, another tab): it is issued once. */
public final class BulkJobAlreadyConfirmed extends DomainException {
    public BulkJobAlreadyConfirmed(BulkJobId id) {
        super(Kind.CONFLICT, "error.bulk.already-confirmed", id.value());
    }
}
