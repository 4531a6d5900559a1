package org.insigne.web.ob3api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeExport;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.badge.RecipientStatus;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.verification.Spec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Badges 3.0 credentials an earner holds, as the API hands them out: the text exactly as it came
 * in (unbaked from an image when it came as one), JSON with an embedded proof or a VC-JWT. Badges kept as a
 * URL hold no credential to give and are left out, as are Open Badges 2.0 assertions, which the API does not
 * carry.
 */
@Component
class HeldCredentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One credential: its text, whether it is JSON (else a compact JWS), when it was issued. */
    record Held(String text, boolean json, @Nullable Instant issuedOn) {
    }

    private final BackpackService backpack;
    private final Baker baker;

    HeldCredentials(BackpackService backpack, Baker baker) {
        this.backpack = backpack;
        this.baker = baker;
    }

    /** The earner's credentials issued after {@code since} (all when null), latest import first. */
    List<Held> of(UUID ownerId, @Nullable Instant since) {
        List<Held> held = new ArrayList<>();
        for (BadgeExport badge : backpack.exportOf(ownerId)) {
            if (badge.badge().spec() != Spec.OB3 || badge.badge().inputKind() == BadgeInput.Kind.URL
                    // not handed out as the earner's until they confirmed the address it names
                    || badge.badge().recipientStatus() == RecipientStatus.NOT_CONFIRMED) {
                continue;
            }
            Instant issuedOn = badge.badge().issuedOn();
            if (since != null && (issuedOn == null || !issuedOn.isAfter(since))) {
                continue;
            }
            Held credential = credential(badge, issuedOn);
            if (credential != null) {
                held.add(credential);
            }
        }
        return held;
    }

    private @Nullable Held credential(BadgeExport badge, @Nullable Instant issuedOn) {
        String text;
        if (badge.badge().hasImage()) {
            try {
                text = baker.unbake(badge.original()).text();
            } catch (BakingFailed unreadable) {
                return null;
            }
        } else {
            text = new String(badge.original(), StandardCharsets.UTF_8);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                JSON.readTree(trimmed);
            } catch (JacksonException unreadable) {
                // Verified when it came in, so never expected; an answer that is not JSON would break every client.
                return null;
            }
            return new Held(trimmed, true, issuedOn);
        }
        return new Held(trimmed, false, issuedOn);
    }
}
