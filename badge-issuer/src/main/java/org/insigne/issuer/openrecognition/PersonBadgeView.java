package org.insigne.issuer.openrecognition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A person's badge as its issuer or its recipient sees it. */
public record PersonBadgeView(UUID id, PersonBadgeKind kind, PersonBadgeState state, String issuerName,
                              String recipientEmail, String name, String description, @Nullable String narrative,
                              String level, List<String> evidence, Instant createdAt, @Nullable Instant decidedAt,
                              @Nullable Instant revokedAt) {

    public PersonBadgeView {
        evidence = List.copyOf(evidence);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
