package org.insigne.web.ob3api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.web.system.ApiLocale;
import org.insigne.web.system.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open dynamic client registration (RFC 7591, OB 3.0 §6.2.1): no initial access token, as the spec requires,
 * which is why it stands in front of the authorization server rather than using its token-protected endpoint.
 * Refusals are RFC 7591 §3.2.2 errors, their description in the caller's language.
 */
@RestController
class ClientRegistrationController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_BODY = 16 * 1024;

    private final ClientRegistrationService registrations;
    private final MessageSource messages;
    private final RateLimits limits;
    private final boolean loopbackHttp;

    /**
     * {@code insigne.fetch.allow-loopback}, which lets this platform fetch from loopback addresses (development,
     * tests), also lets clients on a loopback host register with {@code http} addresses.
     */
    ClientRegistrationController(ClientRegistrationService registrations, MessageSource messages,
                                 RateLimits limits, @Value("${insigne.fetch.allow-loopback:false}") boolean loopbackHttp) {
        this.loopbackHttp = loopbackHttp;
        this.registrations = registrations;
        this.messages = messages;
        this.limits = limits;
    }

    @PostMapping(value = Ob3Api.REGISTRATION, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> register(HttpServletRequest request) throws IOException {
        // Open to anyone by the spec: counted per client address, so that no one fills the client table.
        RateLimits.Outcome outcome = limits.tryConsume(RateLimits.Limit.CLIENT_REGISTRATION, request.getRemoteAddr());
        if (!outcome.allowed()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(outcome.retryAfterSeconds()))
                    .body(Map.of("error", "temporarily_unavailable", "error_description", messages.getMessage(
                            "ob3api.register.refused.rate-limited", new Object[] {outcome.retryAfterSeconds()},
                            ApiLocale.of(request))));
        }
        RegistrationRequest registration;
        try {
            // Read no more than the largest registration we accept, whatever the client sends.
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length == 0 || body.length > MAX_BODY) {
                throw new RegistrationRequest.Refused("invalid_client_metadata", "ob3api.register.refused.body");
            }
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (JacksonException unreadable) {
                throw new RegistrationRequest.Refused("invalid_client_metadata", "ob3api.register.refused.body");
            }
            registration = RegistrationRequest.of(json, loopbackHttp);
        } catch (RegistrationRequest.Refused refused) {
            return ResponseEntity.badRequest().body(Map.of("error", refused.error(), "error_description",
                    messages.getMessage(refused.messageKey(), null, ApiLocale.of(request))));
        }
        ClientRegistrationService.Registered registered = registrations.register(registration);
        RegisteredClient client = registered.client();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", client.getClientId());
        answer.put("client_secret", registered.secret());
        answer.put("client_id_issued_at", client.getClientIdIssuedAt().getEpochSecond());
        answer.put("client_secret_expires_at", 0);
        answer.put("client_name", registration.clientName());
        answer.put("client_uri", registration.clientUri().toString());
        answer.put("logo_uri", registration.logoUri().toString());
        answer.put("tos_uri", registration.tosUri().toString());
        answer.put("policy_uri", registration.policyUri().toString());
        answer.put("software_id", registration.softwareId());
        answer.put("software_version", registration.softwareVersion());
        answer.put("redirect_uris", registration.redirectUris().stream().map(Object::toString).toList());
        answer.put("token_endpoint_auth_method", "client_secret_basic");
        answer.put("grant_types", List.of("authorization_code", "refresh_token"));
        answer.put("response_types", List.of("code"));
        answer.put("scope", String.join(" ", registration.scopes()));
        if (!registration.contacts().isEmpty()) {
            answer.put("contacts", registration.contacts());
        }
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(answer);
    }
}
