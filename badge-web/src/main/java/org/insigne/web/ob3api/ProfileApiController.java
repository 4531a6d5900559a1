package org.insigne.web.ob3api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.web.account.AccountProfile;
import org.insigne.web.account.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code getProfile} and {@code putProfile} (OB 3.0 §6.2.5–6): the earner as an OB 3.0 {@code Profile}, named
 * by their account's id, with the name they show and their login address. Of a profile put, only the name is
 * taken: the address is the one they signed in with and changes only through its confirmation.
 */
@RestController
class ProfileApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_NAME = 100;

    private final AccountService accounts;
    private final ImsxErrors errors;

    ProfileApiController(AccountService accounts, ImsxErrors errors) {
        this.accounts = accounts;
        this.errors = errors;
    }

    @GetMapping(value = Ob3Api.PROFILE)
    ResponseEntity<Map<String, Object>> profile(Authentication earner) {
        return ResponseEntity.ok(profile(accounts.profile(UUID.fromString(earner.getName()))));
    }

    @PutMapping(value = Ob3Api.PROFILE)
    ResponseEntity<?> putProfile(Authentication earner, HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        JsonNode profile;
        try {
            profile = body.length > MAX_BODY ? null : JSON.readTree(body);
        } catch (JacksonException unreadable) {
            profile = null;
        }
        JsonNode name = profile == null ? null : profile.get("name");
        if (profile == null || !profile.isObject() || !isProfile(profile.get("type"))) {
            return errors.answer(request, HttpStatus.BAD_REQUEST, "invalid_data", "ob3api.error.profile");
        }
        if (name == null || !name.isString() || name.asString().isBlank() || name.asString().strip().length() > MAX_NAME
                || name.asString().chars().anyMatch(Character::isISOControl)) {
            return errors.answer(request, HttpStatus.BAD_REQUEST, "invalid_data", "ob3api.error.profile-name",
                    MAX_NAME);
        }
        UUID id = UUID.fromString(earner.getName());
        accounts.rename(id, name.asString());
        return ResponseEntity.ok(profile(accounts.profile(id)));
    }

    private static boolean isProfile(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isString()) {
            return type.asString().equals("Profile");
        }
        for (JsonNode each : type) {
            if (each.isString() && each.asString().equals("Profile")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> profile(AccountProfile account) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        profile.put("id", "urn:uuid:" + account.id());
        profile.put("type", List.of("Profile"));
        profile.put("name", account.displayName());
        profile.put("email", account.email());
        return profile;
    }
}
