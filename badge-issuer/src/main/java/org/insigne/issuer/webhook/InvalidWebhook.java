package org.insigne.issuer.webhook;

import org.insigne.core.error.DomainException;

/** A field of an endpoint, or an action on it, is refused; {@code field} names it for the form. */
public final class InvalidWebhook extends DomainException {

    private final String field;

    public InvalidWebhook(String field) {
        super(Kind.INVALID, "error.webhook.invalid." + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
