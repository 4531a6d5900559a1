package org.insigne.backpack.badge;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.insigne.core.baking.ImageFormat;
import org.insigne.core.verification.VerificationRequest;
import org.jspecify.annotations.Nullable;

/**
 * A badge exactly as the earner gave it: an uploaded file (baked image, JSON, JWS), a pasted text (JSON,
 * JWS/JWT) or a URL. The bytes are kept as received, since a signed badge re-serialised no longer verifies.
 */
public record BadgeInput(Kind kind, byte[] bytes) {

    /** At most 5 MB are kept, the size of the largest baked image the fetcher accepts. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** How the badge came in, which says how to verify it again. */
    public enum Kind { FILE, URL, TEXT }

    public BadgeInput {
        Objects.requireNonNull(kind, "kind");
        bytes = bytes.clone();
    }

    public static BadgeInput file(byte[] bytes) {
        return new BadgeInput(Kind.FILE, bytes);
    }

    public static BadgeInput url(String url) {
        return new BadgeInput(Kind.URL, url.strip().getBytes(StandardCharsets.UTF_8));
    }

    public static BadgeInput text(String text) {
        return new BadgeInput(Kind.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public boolean isTooLarge() {
        return bytes.length > MAX_BYTES;
    }

    /** The image format of an uploaded baked badge, the only inputs whose bytes we may serve as an image. */
    public @Nullable ImageFormat imageFormat() {
        return kind == Kind.FILE ? ImageFormat.sniff(bytes).orElse(null) : null;
    }

    /** The request that verifies this input for {@code recipient}. */
    public VerificationRequest toRequest(@Nullable String recipient) {
        VerificationRequest request = switch (kind) {
            case FILE -> VerificationRequest.ofFile(bytes);
            case URL -> VerificationRequest.ofUrl(new String(bytes, StandardCharsets.UTF_8));
            case TEXT -> VerificationRequest.ofText(new String(bytes, StandardCharsets.UTF_8));
        };
        return request.withRecipient(recipient);
    }
}
