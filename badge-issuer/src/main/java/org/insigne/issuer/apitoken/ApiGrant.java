package org.insigne.issuer.apitoken;

import java.util.Set;
import java.util.UUID;

import org.insigne.issuer.organisation.OrganisationId;

/**
 * What a valid token lets its bearer do: act in {@code organisation} as the member who created it
 * ({@code actingUser}, whose role the services still check), within {@code scopes}.
 */
public record ApiGrant(ApiTokenId token, OrganisationId organisation, UUID actingUser, Set<ApiScope> scopes) {

    public ApiGrant {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(ApiScope scope) {
        return scopes.contains(scope);
    }
}
