package org.insigne.issuer.apitoken;

import org.insigne.core.error.DomainException;

/** One field of a new token is refused; {@code field} names it for the form. */
public final class InvalidApiToken extends DomainException {

    private final String field;

    public InvalidApiToken(String field) {
        super(Kind.INVALID, "error.api-token.invalid." + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
