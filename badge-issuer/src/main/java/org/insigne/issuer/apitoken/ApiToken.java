package org.insigne.issuer.apitoken;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** A token of an organisation, kept as the SHA-256 of its secret; revoked once, never un-revoked. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;
    private UUID organisationId;
    private UUID createdBy;
    private String name;
    private String scopes;
    private String tokenHash;
    private String hint;
    private Instant createdAt;
    private @Nullable Instant expiresAt;
    private @Nullable Instant revokedAt;
    private @Nullable Instant lastUsedAt;
    @Version
    private long version;

    protected ApiToken() {
        this.id = UUID.randomUUID();
        this.organisationId = UUID.randomUUID();
        this.createdBy = UUID.randomUUID();
        this.name = "";
        this.scopes = "";
        this.tokenHash = "";
        this.hint = "";
        this.createdAt = Instant.EPOCH;
    }

    ApiToken(OrganisationId organisation, UUID createdBy, String name, Set<ApiScope> scopes, String tokenHash,
             String hint, Instant createdAt, @Nullable Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.createdBy = createdBy;
        this.name = name;
        this.scopes = scopes.stream().sorted().map(ApiScope::code).collect(Collectors.joining(","));
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    ApiTokenId id() {
        return new ApiTokenId(id);
    }

    OrganisationId organisation() {
        return new OrganisationId(organisationId);
    }

    UUID createdBy() {
        return createdBy;
    }

    String name() {
        return name;
    }

    Set<ApiScope> scopes() {
        Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(",")).map(ApiScope::of).forEach(s -> s.ifPresent(set::add));
        return set;
    }

    /** Usable at {@code now}: not revoked, not expired. */
    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Revokes the token; true the first time, false when it already was. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    ApiTokenView view() {
        return new ApiTokenView(id(), name, scopes(), hint, createdBy, createdAt, expiresAt, revokedAt, lastUsedAt);
    }
}
