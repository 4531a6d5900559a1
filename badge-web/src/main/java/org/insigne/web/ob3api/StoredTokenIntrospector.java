package org.insigne.web.ob3api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Reads a bearer token straight from the authorization server's store, in the same database, rather than
 * over HTTP: active only while neither expired nor revoked, its authorities the scopes the earner granted,
 * its name the earner's account id.
 */
final class StoredTokenIntrospector implements OpaqueTokenIntrospector {

    private final OAuth2AuthorizationService authorizations;

    StoredTokenIntrospector(OAuth2AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null) {
            throw new BadOpaqueTokenException("unknown token");
        }
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access == null || !access.isActive()) {
            throw new BadOpaqueTokenException("inactive token");
        }
        List<GrantedAuthority> authorities = access.getToken().getScopes().stream()
                .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(Ob3Scopes.authority(scope))).toList();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("sub", authorization.getPrincipalName());
        attributes.put("client_id", authorization.getRegisteredClientId());
        attributes.put("scope", List.copyOf(access.getToken().getScopes()));
        return new OAuth2IntrospectionAuthenticatedPrincipal(authorization.getPrincipalName(), attributes,
                authorities);
    }
}
