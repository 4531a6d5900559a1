package org.insigne.issuer.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of the delivery log: which message ({@code messageId}, the {@code webhook-id} header), when, the
 * status the endpoint answered (null when none came, then {@code failure} says why), how long it took, the
 * start of its answer (already cut and sanitised), and the state its delivery is in now.
 */
public record WebhookAttemptView(UUID deliveryId, String messageId, String eventType, Instant attemptedAt,
                                 @Nullable Integer statusCode, int latencyMillis, @Nullable String failure,
                                 String responseExcerpt, String deliveryState) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode <= 299;
    }
}
