package org.insigne.backpack.badge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.verification.Payload;
import org.insigne.core.verification.Spec;

/**
 * What a machine reads behind a public badge's share link: the assertion or credential its owner imported,
 * as text (unbaked from an image when imported as one), or the address its issuer hosts it at when that is
 * how it came. Verifying either is verifying the badge the page shows, from the same bytes the backpack keeps.
 */
public sealed interface PublicBadgeDocument {

    /**
     * JSON, or a compact JWS/JWT, exactly as imported (without a byte-order mark), and the version of Open
     * Badges it follows.
     */
    record Text(String text, Spec spec) implements PublicBadgeDocument {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(spec, "spec");
        }

        public boolean isJson() {
            return text.startsWith("{");
        }

        /** The end of a file name for it: OB 2.0 JSON, OB 3.0 JSON, a signed OB 2.0 badge or a VC-JWT. */
        public String fileSuffix() {
            if (isJson()) {
                return spec == Spec.OB3 ? ".json" : "-ob2.json";
            }
            return spec == Spec.OB3 ? ".jwt" : ".jws";
        }

        /** JSON-LD for JSON; plain text for a compact token, which every badge verifier's fetcher accepts. */
        public String mediaType() {
            return isJson() ? "application/ld+json" : "text/plain;charset=UTF-8";
        }
    }

    /** The http(s) address the badge was imported from, or the one a legacy image baked. */
    record Elsewhere(URI url) implements PublicBadgeDocument {
        public Elsewhere {
            Objects.requireNonNull(url, "url");
        }
    }

    /** The machine-readable form of {@code badge}; empty for an image whose badge can no longer be read. */
    static Optional<PublicBadgeDocument> of(BadgeExport badge, Baker baker) {
        byte[] bytes = badge.original();
        String text;
        if (badge.badge().inputKind() == BadgeInput.Kind.FILE && ImageFormat.sniff(bytes).isPresent()) {
            try {
                text = baker.unbake(bytes).text();
            } catch (BakingFailed unreadable) {
                return Optional.empty();
            }
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        text = text.replace("\uFEFF", "").strip();
        URI url = Payload.httpUrl(text);
        return Optional.of(url != null ? new Elsewhere(url) : new Text(text, badge.badge().spec()));
    }
}
