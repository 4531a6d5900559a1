package org.insigne.issuer.award;

import org.insigne.core.error.DomainException;

/** A client's idempotency key already named an award of another request: replaying it must not award anew. */
public final class AwardRequestKeyReused extends DomainException {
    public AwardRequestKeyReused() {
        super(Kind.CONFLICT, "error.award.request-key-reused");
    }
}
