package org.insigne.issuer.award;

import org.insigne.core.error.DomainException;

/** Only published badge classes are awarded: a draft may still change, an archived one is closed. */
public final class BadgeClassNotAwardable extends DomainException {
    public BadgeClassNotAwardable() {
        super(Kind.CONFLICT, "error.award.not-published");
    }
}
