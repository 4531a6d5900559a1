package org.insigne.web.ob3api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A dynamic client registration (RFC 7591 as OB 3.0 §6.2.1 profiles it), checked when built: every field the
 * spec requires, every address {@code https} and on the host of {@code client_uri}, only the scopes of the API,
 * only {@code client_secret_basic}, only the authorization code and refresh token grants.
 */
record RegistrationRequest(String clientName, URI clientUri, URI logoUri, URI tosUri, URI policyUri,
                           String softwareId, String softwareVersion, List<URI> redirectUris, Set<String> scopes,
                           List<String> contacts) {

    static final int MAX_TEXT = 200;
    static final int MAX_URL = 500;
    static final int MAX_REDIRECTS = 5;

    /** Why a registration is refused: RFC 7591 §3.2.2's {@code error} and the message key of its description. */
    static final class Refused extends RuntimeException {

        private final String error;
        private final String messageKey;

        Refused(String error, String messageKey) {
            super(messageKey, null, false, false);
            this.error = error;
            this.messageKey = messageKey;
        }

        String error() {
            return error;
        }

        String messageKey() {
            return messageKey;
        }
    }

    /**
     * The registration in {@code body}, or why not. With {@code loopbackHttp}, {@code http} addresses on a
     * loopback host pass too, as RFC 8252 §7.3 allows, so that two platforms on one machine (development,
     * tests) can connect.
     */
    static RegistrationRequest of(JsonNode body, boolean loopbackHttp) {
        if (!body.isObject()) {
            throw metadata("ob3api.register.refused.not-an-object");
        }
        String method = optionalText(body, "token_endpoint_auth_method");
        if (method != null && !method.equals("client_secret_basic")) {
            throw metadata("ob3api.register.refused.auth-method");
        }
        for (String grant : optionalList(body, "grant_types")) {
            if (!grant.equals("authorization_code") && !grant.equals("refresh_token")) {
                throw metadata("ob3api.register.refused.grant-type");
            }
        }
        for (String type : optionalList(body, "response_types")) {
            if (!type.equals("code")) {
                throw metadata("ob3api.register.refused.response-type");
            }
        }
        URI clientUri = url(body, "client_uri", null, loopbackHttp);
        String host = clientUri.getHost().toLowerCase(Locale.ROOT);
        List<String> redirects = optionalList(body, "redirect_uris");
        if (redirects.isEmpty() || redirects.size() > MAX_REDIRECTS) {
            throw new Refused("invalid_redirect_uri", "ob3api.register.refused.redirect-uris");
        }
        List<URI> redirectUris = new ArrayList<>();
        for (String redirect : redirects) {
            URI uri = parseUrl(redirect, "invalid_redirect_uri", loopbackHttp);
            if (!sameHost(uri, host) || uri.getRawFragment() != null) {
                throw new Refused("invalid_redirect_uri", "ob3api.register.refused.redirect-uris");
            }
            redirectUris.add(uri);
        }
        String scope = text(body, "scope");
        Set<String> scopes = new LinkedHashSet<>(List.of(scope.strip().split("\\s+")));
        if (!Ob3Scopes.ALL.containsAll(scopes)) {
            throw metadata("ob3api.register.refused.scope");
        }
        List<String> contacts = optionalList(body, "contacts");
        if (contacts.size() > MAX_REDIRECTS || contacts.stream().anyMatch(c -> c.length() > MAX_TEXT)) {
            throw metadata("ob3api.register.refused.contacts");
        }
        String name = text(body, "client_name");
        if (name.length() > MAX_TEXT) {
            throw metadata("ob3api.register.refused.field");
        }
        return new RegistrationRequest(name, clientUri, url(body, "logo_uri", host, loopbackHttp),
                url(body, "tos_uri", host, loopbackHttp), url(body, "policy_uri", host, loopbackHttp),
                text(body, "software_id"),
                text(body, "software_version"), List.copyOf(redirectUris), Set.copyOf(scopes), contacts);
    }

    private static URI url(JsonNode body, String field, @Nullable String host, boolean loopbackHttp) {
        String value = text(body, field);
        URI uri = parseUrl(value, "invalid_client_metadata", loopbackHttp);
        if (host != null && !sameHost(uri, host)) {
            throw metadata("ob3api.register.refused.other-host");
        }
        return uri;
    }

    private static boolean sameHost(URI uri, String host) {
        return uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).equals(host);
    }

    /** An absolute {@code https} URL (or {@code http} on a loopback host, when allowed) with a host and no user information. */
    private static URI parseUrl(String value, String error, boolean loopbackHttp) {
        if (value.length() > MAX_URL) {
            throw new Refused(error, "ob3api.register.refused.url");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException malformed) {
            throw new Refused(error, "ob3api.register.refused.url");
        }
        boolean secure = "https".equalsIgnoreCase(uri.getScheme())
                || loopbackHttp && "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
        if (!secure || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused(error, "ob3api.register.refused.https");
        }
        return uri;
    }

    private static boolean isLoopback(@Nullable String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("[::1]") || host.startsWith("127."));
    }

    private static String text(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null || value.isBlank()) {
            throw metadata("ob3api.register.refused.missing." + field.replace('_', '-'));
        }
        return value.strip();
    }

    private static @Nullable String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().length() > MAX_URL) {
            throw metadata("ob3api.register.refused.field");
        }
        return node.asString();
    }

    private static List<String> optionalList(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_REDIRECTS) {
            throw metadata("ob3api.register.refused.field");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw metadata("ob3api.register.refused.field");
            }
            values.add(item.asString());
        }
        return values;
    }

    private static Refused metadata(String key) {
        return new Refused("invalid_client_metadata", key);
    }
}
