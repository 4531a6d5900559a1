package org.insigne.issuer.award;

import org.insigne.core.error.DomainException;

/** A badge is revoked once; the first reason stands. */
public final class AwardAlreadyRevoked extends DomainException {
    public AwardAlreadyRevoked(AwardId id) {
        super(Kind.CONFLICT, "error.award.already-revoked", id.value());
    }
}
