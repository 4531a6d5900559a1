package org.insigne.backpack.imports;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.insigne.backpack.badge.BadgeInput;
import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.ImageFormat;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether an Open Badges 3.0 credential names its holder by e-mail. A credential issued to a DID (or to no
 * one) cannot be tied to an account, which is not the same as one issued to someone else's address: the
 * first is kept with a warning, the second refused. OB 3.0 section 8.2.1 (IdentityObject, {@code
 * identityType} {@code emailAddress}) and the subject {@code id} are the two places an address can be.
 */
final class SubjectIdentity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubjectIdentity() {
    }

    /**
     * True when the credential names an e-mail address, or when we cannot tell (a URL, unreadable input):
     * in doubt, the badge is treated as someone else's rather than kept unlinked.
     */
    static boolean namesAnEmail(BadgeInput input, Baker baker) {
        String text;
        if (input.kind() == BadgeInput.Kind.URL) {
            return true;
        }
        byte[] bytes = input.bytes();
        if (input.kind() == BadgeInput.Kind.FILE && ImageFormat.sniff(bytes).isPresent()) {
            try {
                BakedPayload payload = baker.unbake(bytes);
                text = payload.text();
            } catch (BakingFailed unreadable) {
                return true;
            }
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        JsonNode credential = credential(text.strip());
        if (credential == null) {
            return true;
        }
        JsonNode subjects = credential.get("credentialSubject");
        if (subjects == null) {
            return false;
        }
        for (JsonNode subject : subjects.isArray() ? subjects : JSON.createArrayNode().add(subjects)) {
            JsonNode id = subject.get("id");
            if (id != null && id.isString() && id.stringValue().toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                return true;
            }
            JsonNode identifiers = subject.get("identifier");
            if (identifiers == null) {
                continue;
            }
            for (JsonNode identifier : identifiers.isArray() ? identifiers : JSON.createArrayNode().add(identifiers)) {
                JsonNode type = identifier.get("identityType");
                if (type != null && type.isString() && type.stringValue().equalsIgnoreCase("emailAddress")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The credential of a JSON document or of a VC-JWT (its {@code vc} claim or the payload itself). */
    private static @Nullable JsonNode credential(String text) {
        try {
            if (text.startsWith("{")) {
                return JSON.readTree(text);
            }
            String[] parts = text.split("\\.", -1);
            if (parts.length == 3) {
                JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                JsonNode vc = payload.get("vc");
                return vc != null && vc.isObject() ? vc : payload;
            }
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
        return null;
    }
}
