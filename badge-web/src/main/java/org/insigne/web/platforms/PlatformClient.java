package org.insigne.web.platforms;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.jsonld.BoundedJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Speaks the Open Badges 3.0 API (OB 3.0 §6) to another host as its Service Consumer: reads the service
 * description, registers (RFC 7591), builds the authorization request with PKCE S256 (RFC 7636), exchanges
 * and refreshes tokens with {@code client_secret_basic}, lists credentials page by page and revokes tokens
 * (RFC 7009). Every call goes through the bounded fetcher, which refuses private and loopback addresses unless
 * configured for tests. Whatever the host answers is checked before use; a failure is a {@link PlatformRefused}
 * saying which step failed.
 */
@Component
class PlatformClient {

    private static final Logger log = LoggerFactory.getLogger(PlatformClient.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);
    /** The path of the service description under a host's address (OB 3.0 §6.1.1). */
    static final String DISCOVERY_PATH = "/ims/ob/v3p0/discovery";
    /** Identifies this software to hosts across registrations (RFC 7591 §2 {@code software_id}). */
    static final String SOFTWARE_ID = "5b0f6c1e-6c0e-4d7b-9a55-7d1f1c8e2a41";
    /** The only scope asked: reading the earner's credentials. */
    static final String SCOPE = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";
    static final int MAX_ANSWER = 64 * 1024;
    /** The most of one page of credentials read, as for any JSON document; pages are asked small to stay below. */
    static final int MAX_PAGE = BoundedJson.MAX_BYTES;

    private final HttpDocumentFetcher http;

    PlatformClient(HttpDocumentFetcher http) {
        this.http = http;
    }

    /** What a host's service description says a consumer needs. */
    record Discovery(URI discoveryUrl, String name, URI authorizationUrl, URI tokenUrl, URI registrationUrl,
                     URI credentialsUrl, @Nullable URI revocationUrl) {
    }

    /** Tokens from a token endpoint; {@code expiresIn} when the host said. */
    record Tokens(String access, @Nullable String refresh, @Nullable Duration expiresIn) {
    }

    /** A registered client. */
    record Registration(String clientId, String secret) {
    }

    /** A page of credentials as listed: each as text, and the next page's address when there is one. */
    record Page(List<String> credentials, @Nullable URI next) {
    }

    /** The address of the service description for what an earner typed: a site, or the document itself. */
    static URI discoveryUrl(String typed) {
        String address = typed.strip();
        if (!address.contains("://")) {
            address = "https://" + address;
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException malformed) {
            throw new PlatformRefused("platforms.error.address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                || address.length() > 500) {
            throw new PlatformRefused("platforms.error.address");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/discovery")) {
            return uri.resolve(path);
        }
        return uri.resolve(path.replaceFirst("/+$", "") + DISCOVERY_PATH);
    }

    Discovery discover(URI discoveryUrl) {
        JsonNode document = json(fetch(discoveryUrl), "platforms.error.not-a-host");
        JsonNode schemes = document.path("components").path("securitySchemes");
        for (JsonNode scheme : schemes) {
            JsonNode flow = scheme.path("flows").path("authorizationCode");
            if (!"oauth2".equals(scheme.path("type").asString("")) || !flow.isObject()) {
                continue;
            }
            URI authorization = url(flow.path("authorizationUrl"));
            URI token = url(flow.path("tokenUrl"));
            URI registration = url(scheme.path("x-imssf-registrationUrl"));
            URI server = url(document.path("servers").path(0).path("url"));
            if (authorization == null || token == null || registration == null || server == null) {
                break;
            }
            URI credentials = URI.create(server.toString().replaceFirst("/+$", "") + "/credentials");
            String name = scheme.path("x-imssf-name").isString() ? scheme.path("x-imssf-name").asString()
                    : discoveryUrl.getHost();
            return new Discovery(discoveryUrl, name.length() > 100 ? name.substring(0, 100) : name, authorization,
                    token, registration, credentials, revocationUrl(token));
        }
        throw new PlatformRefused("platforms.error.not-a-host");
    }

    /**
     * The revocation endpoint, which the service description does not give: RFC 8414 metadata beside the
     * token endpoint says it when the host publishes them. None is no failure: disconnecting then only
     * forgets the tokens here.
     */
    private @Nullable URI revocationUrl(URI token) {
        URI metadata = token.resolve("/.well-known/oauth-authorization-server");
        try {
            JsonNode document = BoundedJson.read(http.fetch(metadata, DocumentFetcher.Expect.JSON).body());
            URI revocation = url(document.path("revocation_endpoint"));
            return revocation != null && revocation.getHost().equalsIgnoreCase(token.getHost()) ? revocation : null;
        } catch (FetchFailed | BoundedJson.JsonUnreadable | RuntimeException none) {
            return null;
        }
    }

    /** Registers this platform, asking only to read credentials (OB 3.0 §6.2.1). */
    Registration register(Discovery host, String base, URI redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_name", "Insigne");
        body.put("client_uri", base + "/");
        body.put("logo_uri", base + "/img/insigne.svg");
        body.put("tos_uri", base + "/");
        body.put("policy_uri", base + "/");
        body.put("software_id", SOFTWARE_ID);
        body.put("software_version", "1.0");
        body.put("redirect_uris", List.of(redirect.toString()));
        body.put("token_endpoint_auth_method", "client_secret_basic");
        body.put("grant_types", List.of("authorization_code", "refresh_token"));
        body.put("response_types", List.of("code"));
        body.put("scope", SCOPE);
        HttpDocumentFetcher.Answer answer = post(host.registrationUrl(), Map.of("Accept", "application/json"),
                "application/json", BoundedJson.MAPPER.writeValueAsBytes(body));
        if (answer.status() != 201 && answer.status() != 200) {
            log.info("Registration at {} refused with status {}", host.registrationUrl().getHost(), answer.status());
            throw new PlatformRefused("platforms.error.registration-refused");
        }
        JsonNode client = json(answer.bodyStart(), "platforms.error.registration-refused");
        if (!client.path("client_id").isString() || !client.path("client_secret").isString()
                || client.path("client_id").asString().isBlank()) {
            throw new PlatformRefused("platforms.error.registration-refused");
        }
        return new Registration(client.path("client_id").asString(), client.path("client_secret").asString());
    }

    /** A random value for {@code state} or a PKCE verifier: 256 bits, base64url (RFC 7636 §4.1). */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Where to send the earner: the host's authorization endpoint with PKCE S256 and {@code state}. */
    static URI authorizationRequest(URI authorizationUrl, String clientId, URI redirect, String state,
                                    String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirect.toString());
        query.put("scope", SCOPE);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String url = authorizationUrl.toString();
        return URI.create(url + (url.contains("?") ? "&" : "?") + form(query));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    Tokens exchange(URI tokenUrl, Registration client, String code, URI redirect, String verifier) {
        return token(tokenUrl, client, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect.toString(), "code_verifier", verifier));
    }

    Tokens refresh(URI tokenUrl, Registration client, String refreshToken) {
        return token(tokenUrl, client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private Tokens token(URI tokenUrl, Registration client, Map<String, String> fields) {
        HttpDocumentFetcher.Answer answer = post(tokenUrl, Map.of("Authorization", basic(client),
                "Accept", "application/json"), "application/x-www-form-urlencoded",
                form(fields).getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            log.info("Token endpoint {} answered {}", tokenUrl.getHost(), answer.status());
            throw new PlatformRefused(answer.status() == 401 ? "platforms.error.client-unknown"
                    : fields.get("grant_type").equals("refresh_token") ? "platforms.import.failed.reconnect"
                    : "platforms.error.token");
        }
        JsonNode tokens = json(answer.bodyStart(), "platforms.error.token");
        JsonNode access = tokens.path("access_token");
        if (!access.isString() || access.asString().isBlank()
                || !"bearer".equalsIgnoreCase(tokens.path("token_type").asString(""))) {
            throw new PlatformRefused("platforms.error.token");
        }
        JsonNode refresh = tokens.path("refresh_token");
        JsonNode expires = tokens.path("expires_in");
        return new Tokens(access.asString(), refresh.isString() ? refresh.asString() : null,
                expires.canConvertToLong() && expires.asLong() > 0 ? Duration.ofSeconds(expires.asLong()) : null);
    }

    /** Asks the host to forget a token; true when it said it did (RFC 7009 §2.2: 200). */
    boolean revoke(URI revocationUrl, Registration client, String token, String hint) {
        try {
            return post(revocationUrl, Map.of("Authorization", basic(client)), "application/x-www-form-urlencoded",
                    form(Map.of("token", token, "token_type_hint", hint)).getBytes(StandardCharsets.UTF_8))
                    .status() == 200;
        } catch (PlatformRefused unreachable) {
            return false;
        }
    }

    /**
     * One page of {@code getCredentials}: the JSON credentials re-written compactly (their proofs cover the
     * canonical form, not the bytes) and the VC-JWTs as sent. The next page is the {@code Link} header's
     * {@code next}, followed only on the host that served this page, so that the token never goes elsewhere.
     *
     * @return empty when the host refused the token (401), so that the caller may refresh it once
     */
    Optional<Page> credentials(URI page, String accessToken) {
        HttpDocumentFetcher.Reply reply;
        try {
            reply = http.get(page, Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json"),
                    MAX_PAGE);
        } catch (FetchFailed failed) {
            throw new PlatformRefused(failed.reason() == FetchFailed.Reason.FORBIDDEN_ADDRESS
                    ? "platforms.error.forbidden-address" : "platforms.import.failed.list");
        }
        if (reply.status() == 401) {
            return Optional.empty();
        }
        if (reply.status() != 200) {
            log.info("getCredentials at {} answered {}", page.getHost(), reply.status());
            throw new PlatformRefused("platforms.import.failed.list");
        }
        JsonNode body = json(reply.body(), "platforms.import.failed.list");
        List<String> credentials = new ArrayList<>();
        for (JsonNode credential : body.path("credential")) {
            credentials.add(BoundedJson.MAPPER.writeValueAsString(credential));
        }
        // The specification's example spells it in the plural; its model, in the singular.
        for (String field : List.of("compactJwsString", "compactJwsStrings")) {
            for (JsonNode jws : body.path(field)) {
                if (jws.isString()) {
                    credentials.add(jws.asString());
                }
            }
        }
        return Optional.of(new Page(credentials, reply.header("Link").map(link -> next(page, link)).orElse(null)));
    }

    /** The {@code next} target of a {@code Link} header (RFC 8288), when on the same origin as {@code page}. */
    static @Nullable URI next(URI page, String header) {
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = NEXT.matcher(link.group(2));
            while (rel.find()) {
                if (List.of(rel.group(1).toLowerCase(Locale.ROOT).split("\\s+")).contains("next")) {
                    try {
                        URI target = page.resolve(new URI(link.group(1).strip()));
                        return sameOrigin(page, target) ? target : null;
                    } catch (URISyntaxException | IllegalArgumentException malformed) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && a.getPort() == b.getPort();
    }

    private byte[] fetch(URI uri) {
        try {
            return http.fetch(uri, DocumentFetcher.Expect.JSON).body();
        } catch (FetchFailed failed) {
            throw refusal(failed);
        }
    }

    private HttpDocumentFetcher.Answer post(URI uri, Map<String, String> headers, String type, byte[] body) {
        try {
            return http.post(uri, headers, type, body, MAX_ANSWER);
        } catch (FetchFailed failed) {
            throw refusal(failed);
        }
    }

    private static PlatformRefused refusal(FetchFailed failed) {
        return new PlatformRefused(switch (failed.reason()) {
            case FORBIDDEN_ADDRESS -> "platforms.error.forbidden-address";
            case UNSUPPORTED_URL -> "platforms.error.address";
            case HTTP_STATUS, UNEXPECTED_CONTENT_TYPE, TOO_LARGE, TOO_MANY_REDIRECTS -> "platforms.error.not-a-host";
            default -> "platforms.error.unreachable";
        });
    }

    private static JsonNode json(byte[] body, String key) {
        try {
            JsonNode json = BoundedJson.read(body);
            if (!json.isObject()) {
                throw new PlatformRefused(key);
            }
            return json;
        } catch (BoundedJson.JsonUnreadable unreadable) {
            throw new PlatformRefused(key);
        }
    }

    private static @Nullable URI url(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            URI uri = new URI(node.asString().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }

    /** RFC 6749 §2.3.1: the id and secret form-encoded, then joined and base64-encoded. */
    private static String basic(Registration client) {
        String pair = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
