package org.insigne.issuer.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.organisation.OrganisationId;

/**
 * A delivery this node claimed, with what sending it needs: the endpoint's URL, the message id and body, and
 * the secrets to sign with (the current one, then the previous one while a rotation's overlap lasts).
 */
public record WebhookMessage(UUID deliveryId, WebhookEndpointId endpoint, OrganisationId organisation, URI url,
                             String messageId, String eventType, byte[] body, List<byte[]> secrets) {

    public WebhookMessage {
        secrets = List.copyOf(secrets);
    }
}
