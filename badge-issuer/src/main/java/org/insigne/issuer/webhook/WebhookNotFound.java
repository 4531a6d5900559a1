package org.insigne.issuer.webhook;

import java.util.UUID;

import org.insigne.core.error.DomainException;

/** No such endpoint, or delivery, in this organisation. */
public final class WebhookNotFound extends DomainException {
    public WebhookNotFound(UUID id) {
        super(Kind.NOT_FOUND, "error.webhook.not-found", id);
    }
}
