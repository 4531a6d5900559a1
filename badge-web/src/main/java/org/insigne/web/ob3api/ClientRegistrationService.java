package org.insigne.web.ob3api;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/**
 * Registers the applications that ask to act for earners. Each gets a random secret, shown once and kept
 * hashed; proof keys (PKCE, S256) and the earner's consent are required; access tokens are opaque and short,
 * refresh tokens are replaced at each use so that a stolen one is good once at most.
 */
@Service
class ClientRegistrationService {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistrationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String CLIENT_URI = "insigne.client-uri";
    static final String LOGO_URI = "insigne.logo-uri";
    static final String TOS_URI = "insigne.tos-uri";
    static final String POLICY_URI = "insigne.policy-uri";
    static final String SOFTWARE_ID = "insigne.software-id";
    static final String SOFTWARE_VERSION = "insigne.software-version";

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;

    ClientRegistrationService(RegisteredClientRepository clients, PasswordEncoder passwords) {
        this.clients = clients;
        this.passwords = passwords;
    }

    /** A registered client and its secret in clear, which nobody can read again. */
    record Registered(RegisteredClient client, String secret) {
    }

    Registered register(RegistrationRequest request) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(UUID.randomUUID().toString())
                .clientIdIssuedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .clientSecret(passwords.encode(secret))
                .clientName(request.clientName())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> request.redirectUris().forEach(uri -> uris.add(uri.toString())))
                .scopes(scopes -> scopes.addAll(request.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(true)
                        .setting(CLIENT_URI, request.clientUri().toString())
                        .setting(LOGO_URI, request.logoUri().toString())
                        .setting(TOS_URI, request.tosUri().toString())
                        .setting(POLICY_URI, request.policyUri().toString())
                        .setting(SOFTWARE_ID, request.softwareId())
                        .setting(SOFTWARE_VERSION, request.softwareVersion())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                        .accessTokenTimeToLive(Duration.ofHours(1))
                        .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                        .reuseRefreshTokens(false)
                        .refreshTokenTimeToLive(Duration.ofDays(90))
                        .build())
                .build();
        clients.save(client);
        log.info("OAuth client {} registered", client.getClientId());
        return new Registered(client, secret);
    }

    /** What an earner sees of an application: its name and the addresses it registered. */
    record ClientView(String id, String name, @Nullable URI clientUri,
                      @Nullable URI logoUri, @Nullable URI tosUri,
                      @Nullable URI policyUri) {

        static ClientView of(RegisteredClient client) {
            ClientSettings settings = client.getClientSettings();
            return new ClientView(client.getId(), client.getClientName(), uri(settings, CLIENT_URI),
                    uri(settings, LOGO_URI), uri(settings, TOS_URI), uri(settings, POLICY_URI));
        }

        /** The host of the application's site, what the consent page names it by besides its name. */
        public @Nullable String clientHost() {
            return clientUri == null ? null : clientUri.getHost();
        }

        private static @Nullable URI uri(ClientSettings settings, String name) {
            Object value = settings.getSetting(name);
            return value instanceof String text ? URI.create(text) : null;
        }
    }

    Optional<ClientView> byClientId(String clientId) {
        return Optional.ofNullable(clients.findByClientId(clientId)).map(ClientView::of);
    }

    Optional<ClientView> byId(String id) {
        return Optional.ofNullable(clients.findById(id)).map(ClientView::of);
    }
}
