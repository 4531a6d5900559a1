package org.insigne.core.ob2;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** The assertions an issuer has revoked, each with an optional reason (OB 2.0 RevocationList). */
public record RevocationList(@Nullable URI id, @Nullable URI issuer, List<Entry> revokedAssertions, JsonNode json) {

    /** A revoked assertion: its id (or a 1.x {@code uid}) and the reason the issuer gave, if any. */
    public record Entry(String id, @Nullable String revocationReason) {
        public Entry {
            Objects.requireNonNull(id, "id");
        }
    }

    public RevocationList {
        revokedAssertions = List.copyOf(revokedAssertions);
        Objects.requireNonNull(json, "json");
    }

    /** The entry for this assertion id, or for its 1.x uid when given. */
    public Optional<Entry> find(String assertionId, @Nullable String uid) {
        for (Entry entry : revokedAssertions) {
            if (entry.id().equals(assertionId) || uid != null && entry.id().equals(uid)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
