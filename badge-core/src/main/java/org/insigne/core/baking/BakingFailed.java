package org.insigne.core.baking;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An image could not be baked or unbaked. The {@link Reason} is stable (callers switch on it); the
 * {@link #messageKey()} resolves through {@link org.insigne.core.verification.CheckMessages} to plain words.
 */
public final class BakingFailed extends Exception {

    public enum Reason {
        /** The file is empty. */
        EMPTY_FILE,
        /** The image is larger than {@link BakingLimits#maxImageBytes()}; args: the limit in bytes. */
        IMAGE_TOO_LARGE,
        /** The baked or to-be-baked payload is larger than {@link BakingLimits#maxPayloadBytes()}; args: the limit. */
        PAYLOAD_TOO_LARGE,
        /** A known non-badge format (JPEG, PDF, GIF...); args: the format name. */
        OTHER_FORMAT,
        /** Neither PNG nor SVG, nor anything we recognise. */
        UNKNOWN_FORMAT,
        /** The PNG ends before its last chunk (IEND). */
        TRUNCATED,
        /** A PNG chunk's CRC does not match its content; args: the chunk type. */
        BAD_CHECKSUM,
        /** The PNG chunk structure is broken (bad length, type, missing IHDR, damaged signature...). */
        MALFORMED_PNG,
        /** The SVG is not well-formed XML, or its root is not {@code <svg>}. */
        MALFORMED_SVG,
        /** The SVG declares a DTD internal subset (entities): refused, never expanded. */
        UNSAFE_XML,
        /** The SVG encoding cannot be edited safely (baking accepts UTF-8 only); args: the encoding. */
        UNSUPPORTED_ENCODING,
        /** The image is valid but carries no Open Badge. */
        NO_BADGE,
        /** The image carries two badges of the same kind: which one is meant cannot be told. */
        AMBIGUOUS,
        /** Baking one kind into an image that already carries a badge of the other kind. */
        OTHER_KIND_PRESENT,
        /** The badge chunk is compressed, which the baking specifications forbid; it is not inflated. */
        COMPRESSED_PAYLOAD,
        /** The payload is empty, not valid UTF-8/XML text, or inconsistent with its verify attribute. */
        INVALID_PAYLOAD
    }

    private final Reason reason;
    private final List<Object> args;

    public BakingFailed(Reason reason, Object... args) {
        super(reason + (args.length == 0 ? "" : " " + List.of(args)));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    /** Message key {@code baking.failed.<reason>}, e.g. {@code baking.failed.no-badge}. */
    public String messageKey() {
        return "baking.failed." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Message arguments (a limit, a chunk type, a format name), possibly empty. */
    public List<Object> args() {
        return args;
    }
}
