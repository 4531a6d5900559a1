package org.insigne.web.ob3api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.insigne.web.system.Links;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service description document (OB 3.0 §6.1.1, {@code getServiceDescription}): an OpenAPI 3.0 document,
 * readable without a token, naming the OAuth 2.0 authorization code flow, its scopes and where a client
 * registers. Its addresses follow {@code insigne.base-url}, else the address the request came to.
 */
@RestController
class DiscoveryController {

    private final Links links;

    DiscoveryController(Links links) {
        this.links = links;
    }

    @GetMapping(value = Ob3Api.DISCOVERY)
    ResponseEntity<Map<String, Object>> discovery() {
        String base = links.absolute("");
        Map<String, Object> scopes = new LinkedHashMap<>();
        scopes.put(Ob3Scopes.CREDENTIAL_READONLY, "Permission to read AchievementCredentials for the authenticated entity.");
        scopes.put(Ob3Scopes.CREDENTIAL_UPSERT, "Permission to create or update AchievementCredentials for the authenticated entity.");
        scopes.put(Ob3Scopes.PROFILE_READONLY, "Permission to read the profile for the authenticated entity.");
        scopes.put(Ob3Scopes.PROFILE_UPDATE, "Permission to update the profile for the authenticated entity.");
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("authorizationUrl", base + "/oauth2/authorize");
        flow.put("tokenUrl", base + "/oauth2/token");
        flow.put("refreshUrl", base + "/oauth2/token");
        flow.put("scopes", scopes);
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("type", "oauth2");
        scheme.put("description", "OAuth 2.0 Authorization Code Grant with PKCE (S256)");
        scheme.put("x-imssf-registrationUrl", base + Ob3Api.REGISTRATION);
        scheme.put("flows", Map.of("authorizationCode", flow));

        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Insigne Open Badges API");
        info.put("description", "The Open Badges 3.0 API of this Insigne host.");
        info.put("version", "3.0");
        info.put("termsOfService", base + "/");
        info.put("x-imssf-privacyPolicyUrl", base + "/");

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.1");
        document.put("info", info);
        document.put("servers", List.of(Map.of("url", base + Ob3Api.BASE)));
        document.put("tags", List.of(Map.of("name", "OpenBadgeCredentials"), Map.of("name", "Discovery")));
        document.put("paths", paths());
        document.put("components", Map.of("securitySchemes", Map.of("OAuth2ACG", scheme)));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(document);
    }

    private static Map<String, Object> paths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/credentials", Map.of(
                "get", operation("getCredentials", Ob3Scopes.CREDENTIAL_READONLY),
                "post", operation("upsertCredential", Ob3Scopes.CREDENTIAL_UPSERT)));
        paths.put("/profile", Map.of(
                "get", operation("getProfile", Ob3Scopes.PROFILE_READONLY),
                "put", operation("putProfile", Ob3Scopes.PROFILE_UPDATE)));
        paths.put("/discovery", Map.of("get", Map.of("operationId", "getServiceDescription",
                "tags", List.of("Discovery"), "responses", Map.of("200", Map.of("description", "The document")))));
        return paths;
    }

    private static Map<String, Object> operation(String id, String scope) {
        return Map.of("operationId", id, "tags", List.of("OpenBadgeCredentials"),
                "security", List.of(Map.of("OAuth2ACG", List.of(scope))),
                "responses", Map.of("default", Map.of("description", "See the Open Badges 3.0 specification")));
    }
}
