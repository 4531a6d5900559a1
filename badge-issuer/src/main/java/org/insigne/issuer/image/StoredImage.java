package org.insigne.issuer.image;

import java.util.Arrays;
import java.util.Objects;

/** An image accepted by {@link ImageUploads}: its media type, as found in its bytes, and the bytes. */
public record StoredImage(String mediaType, byte[] bytes) {

    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    public StoredImage {
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isSvg() {
        return SVG.equals(mediaType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredImage that && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StoredImage[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
