package org.insigne.issuer.endorsement;

import org.insigne.core.error.DomainException;

/** No such endorsement, or not one this organisation may act on: not told apart. */
public final class EndorsementNotFound extends DomainException {
    public EndorsementNotFound(EndorsementId id) {
        super(Kind.NOT_FOUND, "error.endorsement.not-found", id.value());
    }
}
