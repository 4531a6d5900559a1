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
import org.insigne.core.verification.Payload;
import org.insigne.core.verification.Spec;
import org.insigne.web.system.FileNames;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The files a badge's page offers, each named after the badge: the original exactly as imported, the baked
 * image, and the badge's own document (OB 2.0 JSON {@code -ob2.json}, signed OB 2.0 {@code .jws}, OB 3.0 JSON
 * {@code .json}, VC-JWT {@code .jwt}), taken out of the image for a badge kept as one. A badge imported as a
 * baked image is offered in that image's format only (it already holds the assertion or credential; we do not
 * convert PNG and SVG into each other). A badge imported
 * as JSON or compact JWS text is baked on demand into the issuer's image ({@code baked}), fetched through
 * the bounded fetcher when the owner asks, in whatever format the issuer publishes; one imported by URL is baked
 * with the assertion that address serves at that moment (OB 2.0 §Baking bakes the assertion, not its address).
 * A VC-JWT is offered as the token it is, never as JSON (decoding it would drop the signature).
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
        document(badge, baker).ifPresent(d -> keys.add(d.key()));
        return keys;
    }

    static Optional<Download> find(String key, BadgeExport badge, Baker baker) {
        return switch (key) {
            case "original" -> Optional.of(original(badge));
            case "baked.png" -> baked(badge, ImageFormat.PNG);
            case "baked.svg" -> baked(badge, ImageFormat.SVG);
            case "credential.json", "credential.jwt", "assertion.json", "signed.jws" ->
                    document(badge, baker).filter(d -> d.key().equals(key));
            default -> Optional.empty();
        };
    }

    static Download original(BadgeExport badge) {
        byte[] bytes = badge.original();
        String extension = badge.extension();
        if (!badge.badge().hasImage() && badge.badge().inputKind() != BadgeInput.Kind.URL) {
            // A compact token is a signed OB 2.0 badge or an OB 3.0 VC-JWT, whatever it came in.
            extension = startsWithBrace(bytes) ? "json" : badge.badge().spec() == Spec.OB3 ? "jwt" : "jws";
        }
        String mediaType = switch (extension) {
            case "png" -> "image/png";
            case "svg" -> "image/svg+xml";
            case "json" -> "application/json";
            case "jws" -> "application/jose";
            case "jwt" -> "application/vc+jwt";
            case "url.txt", "txt" -> "text/plain;charset=UTF-8";
            default -> "application/octet-stream";
        };
        return new Download("original", name(badge, "-original." + extension), mediaType, bytes);
    }

    static Optional<Download> baked(BadgeExport badge, ImageFormat format) {
        if (!badge.badge().hasImage() || ImageFormat.sniff(badge.original()).orElse(null) != format) {
            return Optional.empty();
        }
        return Optional.of(format == ImageFormat.PNG
                ? new Download("baked.png", name(badge, ".png"), "image/png", badge.original())
                : new Download("baked.svg", name(badge, ".svg"), "image/svg+xml", badge.original()));
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
                    ? new Download("baked", name(badge, ".png"), "image/png", baked)
                    : new Download("baked", name(badge, ".svg"), "image/svg+xml", baked));
        } catch (BakingFailed unbakeable) {
            return Optional.empty();
        }
    }

    /** The OB 3.0 credential as JSON with its embedded proof, when the badge is one. */
    static Optional<Download> credentialJson(BadgeExport badge, Baker baker) {
        return document(badge, baker).filter(d -> d.key().equals("credential.json"));
    }

    /**
     * The badge's own document: the JSON or compact token baked in its image, or kept as text. None for a badge
     * imported by its address (the issuer serves that), nor for an image whose badge can no longer be read.
     */
    static Optional<Download> document(BadgeExport badge, Baker baker) {
        if (badge.badge().inputKind() == BadgeInput.Kind.URL) {
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
        text = text.replace("\uFEFF", "").strip();
        if (text.isEmpty() || Payload.httpUrl(text) != null) {
            return Optional.empty();
        }
        boolean ob3 = badge.badge().spec() == Spec.OB3;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (text.startsWith("{")) {
            return Optional.of(ob3
                    ? new Download("credential.json", name(badge, ".json"), "application/json", bytes)
                    : new Download("assertion.json", name(badge, "-ob2.json"), "application/json", bytes));
        }
        return Optional.of(ob3
                ? new Download("credential.jwt", name(badge, ".jwt"), "application/vc+jwt", bytes)
                : new Download("signed.jws", name(badge, ".jws"), "application/jose", bytes));
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

    /** The badge's name in plain ASCII, then {@code suffix}, which says which file it is. */
    private static String name(BadgeExport badge, String suffix) {
        return FileNames.slug(badge.badge().name()) + suffix;
    }

    private static boolean startsWithBrace(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).strip().startsWith("{");
    }
}
