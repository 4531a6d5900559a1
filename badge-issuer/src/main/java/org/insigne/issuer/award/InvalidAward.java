package org.insigne.issuer.award;

import org.insigne.core.error.DomainException;

/** One field of an award request is refused; {@code field} names it for the form. */
public final class InvalidAward extends DomainException {

    private final String field;

    public InvalidAward(String field) {
        super(Kind.INVALID, "error.award.invalid." + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
