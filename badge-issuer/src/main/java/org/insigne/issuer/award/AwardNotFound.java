package org.insigne.issuer.award;

import org.insigne.core.error.DomainException;

/** No such award in this organisation, or the organisation is not the user's: not told apart. */
public final class AwardNotFound extends DomainException {
    public AwardNotFound(AwardId id) {
        super(Kind.NOT_FOUND, "error.award.not-found", id.value());
    }
}
