package org.insigne.issuer.webhook;

import org.insigne.issuer.organisation.OrganisationId;

/**
 * An endpoint just disabled because a delivery kept failing for the whole retry period; {@code consoleBase} is
 * the platform's address it was registered at.
 */
public record WebhookDisabled(OrganisationId organisation, WebhookEndpointId endpoint, String url,
                              String consoleBase) {
}
