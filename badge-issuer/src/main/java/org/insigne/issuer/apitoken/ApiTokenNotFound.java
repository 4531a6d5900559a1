package org.insigne.issuer.apitoken;

import org.insigne.core.error.DomainException;

/** No such token in this organisation. */
public final class ApiTokenNotFound extends DomainException {
    public ApiTokenNotFound(ApiTokenId id) {
        super(Kind.NOT_FOUND, "error.api-token.not-found", id.value());
    }
}
