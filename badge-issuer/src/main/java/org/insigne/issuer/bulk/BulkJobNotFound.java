package org.insigne.issuer.bulk;

import org.insigne.core.error.DomainException;

/** No such bulk award in this organisation, or not one this user may see: the two are not told apart. */
public final class BulkJobNotFound extends DomainException {
    public BulkJobNotFound(BulkJobId id) {
        super(Kind.NOT_FOUND, "error.bulk.not-found", id.value());
    }
}
