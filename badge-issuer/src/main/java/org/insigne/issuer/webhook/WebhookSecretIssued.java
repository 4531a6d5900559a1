package org.insigne.issuer.webhook;

/** An endpoint with the secret just made for it (at creation or rotation): the only time anyone sees it. */
public record WebhookSecretIssued(WebhookEndpointView endpoint, String secret) {
}
