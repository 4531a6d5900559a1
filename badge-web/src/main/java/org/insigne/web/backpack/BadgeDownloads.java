package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.insigne.backpack.badge.BadgeExport;
import org.insigne.backpack.badge.BadgeInput;
import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.verification.Spec;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The files a badge's page offers: the original exactly as imported, the baked image, and for an Open Badges
 * 3.0 credential its JSON. A badge imported as a baked image is offered in that image's format only (it
 * already holds the assertion or credential; we do not convert PNG and SVG into each other). A badge imported
 * as JSON or compact JWS text is baked on demand into the issuer's image ({@code baked}), fetched through
 * the bounded fetcher when the owner asks, in whatever format the issuer publishes; one imported by URL is baked
 * with the assertion that address serves at that moment (OB 2.0 §Baking bakes the assertion, not its address).
 * The OB 3.0 JSON is offered when the credential
 * is JSON with an embedded proof; a VC-JWT is its own original (decoding it would drop the signature).
 */
final class BadgeDownloads {

    /** One file to hand out. */
    record Download(String key, String fileName, String mediaType, byte[] bytes) {
    }

    private BadgeDownloads() {
    }

    static List<String> available(BadgeExport badge, Baker baker) {
        List<String> keys = new ArrayList<>();
        keys.add("original");
        baked(badge, ImageFormat.PNG).ifPresent(d -> keys.add(d.key()));
        baked(badge, ImageFormat.SVG).ifPresent(d -> keys.add(d.key()));
        if (canBakeOnDemand(badge)) {
            keys.add("baked");
        }
        credentialJson(badge, baker).ifPresent(d -> keys.add(d.key()));
        return keys;
    }

    static Optional<Download> find(String key, BadgeExport badge, Baker baker) {
        return switch (key) {
            case "original" -> Optional.of(original(badge));
            case "baked.png" -> baked(badge, ImageFormat.PNG);
            case "baked.svg" -> baked(badge, ImageFormat.SVG);
            case "credential.json" -> credentialJson(badge, baker);
            default -> Optional.empty();
        };
    }

    static Download original(BadgeExport badge) {
        byte[] bytes = badge.original();
        String extension = badge.extension();
        if (badge.badge().inputKind() == BadgeInput.Kind.TEXT && startsWithBrace(bytes)) {
            extension = "json";
        }
        String mediaType = switch (extension) {
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml";
            case "json" -> "application/json";
            case "url.txt", "txt" -> "text/plain;charset=UTF-8";
            default -> "application/octet-stream";
        };
        return new Download("original", name(badge, "original." + extension), mediaType, bytes);
    }

    static Optional<Download> baked(BadgeExport badge, ImageFormat format) {
        if (!badge.badge().hasImage() || ImageFormat.sniff(badge.original()).orElse(null) != format) {
            return Optional.empty();
        }
        return Optional.of(format == ImageFormat.PNG
                ? new Download("baked.png", name(badge, "png"), "image/png", badge.original())
                : new Download("baked.svg", name(badge, "svg"), "image/svg+xml", badge.original()));
    }

    /** A badge kept as JSON or JWS text, or as a URL, whose issuer names an image: it can be baked into it. */
    static boolean canBakeOnDemand(BadgeExport badge) {
        return !badge.badge().hasImage() && badge.badge().imageUrl() != null;
    }

    /** Whether the document to bake must be fetched first: the badge was imported by its address. */
    static boolean bakesFetchedDocument(BadgeExport badge) {
        return badge.badge().inputKind() == BadgeInput.Kind.URL;
    }

    /** The original JSON or JWS baked into {@code image}; empty when the image is no PNG or SVG we can bake. */
    static Optional<Download> bakeInto(BadgeExport badge, byte[] image, Baker baker) {
        return bakeInto(badge, new String(badge.original(), StandardCharsets.UTF_8), image, baker);
    }

    /** {@code document} (JSON or JWS text) baked into {@code image}, named after the badge. */
    static Optional<Download> bakeInto(BadgeExport badge, String document, byte[] image, Baker baker) {
        ImageFormat format = ImageFormat.sniff(image).orElse(null);
        if (format == null) {
            return Optional.empty();
        }
        String text = document.replace("\uFEFF", "").strip();
        PayloadKind kind = badge.badge().spec() == Spec.OB3 ? PayloadKind.OB3_CREDENTIAL : PayloadKind.OB2_ASSERTION;
        try {
            byte[] baked = baker.bake(image, new BakedPayload(kind, text, null));
            return Optional.of(format == ImageFormat.PNG
                    ? new Download("baked", name(badge, "png"), "image/png", baked)
                    : new Download("baked", name(badge, "svg"), "image/svg+xml", baked));
        } catch (BakingFailed unbakeable) {
            return Optional.empty();
        }
    }

    static Optional<Download> credentialJson(BadgeExport badge, Baker baker) {
        if (badge.badge().spec() != Spec.OB3 || badge.badge().inputKind() == BadgeInput.Kind.URL) {
            return Optional.empty();
        }
        String text;
        if (badge.badge().hasImage()) {
            try {
                text = baker.unbake(badge.original()).text();
            } catch (BakingFailed unreadable) {
                return Optional.empty();
            }
        } else {
            text = new String(badge.original(), StandardCharsets.UTF_8);
        }
        text = text.strip();
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        return Optional.of(new Download("credential.json", name(badge, "credential.json"), "application/json",
                text.getBytes(StandardCharsets.UTF_8)));
    }

    static ResponseEntity<byte[]> serve(Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(download.bytes());
    }

    private static String name(BadgeExport badge, String extension) {
        return "badge-" + badge.badge().id().value() + "." + extension;
    }

    private static boolean startsWithBrace(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).strip().startsWith("{");
    }
}
