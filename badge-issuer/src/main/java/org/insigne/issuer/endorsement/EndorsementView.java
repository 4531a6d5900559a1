package org.insigne.issuer.endorsement;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An endorsement as the consoles of the endorser and of the endorsed organisation show it. {@code state} is
 * the status, with {@code EXPIRED} for a request past its date; {@code commentHtml} is the sanitised rendering
 * of the Markdown comment.
 */
public record EndorsementView(EndorsementId id, UUID endorserId, String endorserName, EndorsedKind endorsedKind,
                              UUID endorsedId, UUID endorsedOrganisationId, String endorsedName, String state,
                              @Nullable String comment, @Nullable String commentHtml, Instant createdAt,
                              @Nullable Instant expiresAt, @Nullable Instant decidedAt, @Nullable Instant withdrawnAt) {

    public boolean pending() {
        return "REQUESTED".equals(state);
    }

    public boolean published() {
        return "ACCEPTED".equals(state);
    }
}
