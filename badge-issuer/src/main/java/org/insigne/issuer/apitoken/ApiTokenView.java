package org.insigne.issuer.apitoken;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A token as the console lists it: never its secret, only the first characters ({@code hint}) that let people
 * tell their tokens apart.
 */
public record ApiTokenView(ApiTokenId id, String name, Set<ApiScope> scopes, String hint, UUID createdBy,
                           Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
                           @Nullable Instant lastUsedAt) {

    public ApiTokenView {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The scopes in their declared order, for display. */
    public java.util.List<ApiScope> scopeList() {
        return java.util.Arrays.stream(ApiScope.values()).filter(scopes::contains).toList();
    }
}
