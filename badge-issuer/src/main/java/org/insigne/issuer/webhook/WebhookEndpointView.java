package org.insigne.issuer.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the console lists it, never with its secret. {@code disabledReason} is {@code MANUAL} or
 * {@code FAILING} (deliveries failed for the whole retry period); {@code previousSecretUntil} is set while a
 * rotated-out secret still signs.
 */
public record WebhookEndpointView(WebhookEndpointId id, String url, Set<WebhookEvent> events, Instant createdAt,
                                  @Nullable Instant disabledAt, @Nullable String disabledReason,
                                  @Nullable Instant previousSecretUntil) {

    public WebhookEndpointView {
        events = Set.copyOf(events);
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean failing() {
        return "FAILING".equals(disabledReason);
    }

    /** The events in their declared order, for display. */
    public List<WebhookEvent> eventList() {
        return Arrays.stream(WebhookEvent.values()).filter(events::contains).toList();
    }
}
