package org.insigne.issuer.webhook;

import java.util.UUID;

public record WebhookEndpointId(UUID value) {
}
