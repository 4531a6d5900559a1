package org.insigne.core.baking;

import java.util.Objects;
import java.util.Optional;

import org.insigne.core.baking.BakingFailed.Reason;

/**
 * Bakes an Open Badge into a PNG or SVG image, and reads it back. The format is told from the bytes
 * ({@link ImageFormat#sniff}); OB 2.0 and OB 3.0 are told apart by the PNG keyword or the SVG element and
 * namespace. Every bad input ends in a {@link BakingFailed} with a stable reason; nothing is decoded or
 * expanded beyond what the limits allow. Instances are immutable and thread-safe.
 */
public final class Baker {

    private final BakingLimits limits;
    private final PngBaking png;
    private final SvgBaking svg;

    public Baker(BakingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.png = new PngBaking(limits);
        this.svg = new SvgBaking(limits);
    }

    /**
     * Returns a copy of {@code image} carrying {@code payload}. An existing badge of the same kind is replaced
     * (an image never carries two); everything else in the image is kept as is. For SVG, a JSON text goes in the
     * element body with {@code verifyAttribute} (if any) as {@code verify}; any other text (JWS, URL) becomes
     * the {@code verify} attribute of an empty element. PNG images have no attribute: only the text is baked.
     */
    public byte[] bake(byte[] image, BakedPayload payload) throws BakingFailed {
        Objects.requireNonNull(payload, "payload");
        return switch (formatOf(image)) {
            case PNG -> png.bake(image, payload);
            case SVG -> svg.bake(image, payload);
        };
    }

    /** Reads the one badge baked into {@code image}. */
    public BakedPayload unbake(byte[] image) throws BakingFailed {
        return switch (formatOf(image)) {
            case PNG -> png.unbake(image);
            case SVG -> svg.unbake(image);
        };
    }

    private ImageFormat formatOf(byte[] image) throws BakingFailed {
        Objects.requireNonNull(image, "image");
        if (image.length == 0) {
            throw new BakingFailed(Reason.EMPTY_FILE);
        }
        if (image.length > limits.maxImageBytes()) {
            throw new BakingFailed(Reason.IMAGE_TOO_LARGE, limits.maxImageBytes());
        }
        Optional<ImageFormat> format = ImageFormat.sniff(image);
        if (format.isPresent()) {
            return format.get();
        }
        Optional<String> other = Sniffing.otherFormat(image);
        if (other.isPresent()) {
            throw new BakingFailed(Reason.OTHER_FORMAT, other.get());
        }
        if (Sniffing.looksLikeDamagedPng(image)) {
            throw new BakingFailed(image.length < Sniffing.PNG_SIGNATURE.length ? Reason.TRUNCATED
                    : Reason.MALFORMED_PNG);
        }
        throw new BakingFailed(Reason.UNKNOWN_FORMAT);
    }
}
