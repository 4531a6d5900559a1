package org.insigne.core.verification;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What someone asks to verify: a file (baked PNG/SVG image, JSON or JWS file), a URL, or pasted text (JSON or
 * a compact JWS/JWT), plus optionally the identity (e-mail, URL, phone) the badge should have been awarded to.
 */
public record VerificationRequest(Input input, @Nullable String recipient) {

    /** The thing to verify. */
    public sealed interface Input permits File, Url, Text {
    }

    /** Uploaded bytes: an image or a text file; the kind is sniffed, never taken from a file name. */
    public record File(byte[] bytes) implements Input {
        public File {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** An address where the badge is published. */
    public record Url(String url) implements Input {
        public Url {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Pasted JSON or compact JWS/JWT. */
    public record Text(String text) implements Input {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    public VerificationRequest {
        Objects.requireNonNull(input, "input");
    }

    public static VerificationRequest ofFile(byte[] bytes) {
        return new VerificationRequest(new File(bytes), null);
    }

    public static VerificationRequest ofUrl(String url) {
        return new VerificationRequest(new Url(url), null);
    }

    public static VerificationRequest ofText(String text) {
        return new VerificationRequest(new Text(text), null);
    }

    /** The same request, also checking that the badge was awarded to {@code identity}. */
    public VerificationRequest withRecipient(@Nullable String identity) {
        return new VerificationRequest(input, identity);
    }
}
