package org.insigne.core.baking;

import java.util.Optional;

/** The two image formats a badge can be baked into. */
public enum ImageFormat {
    PNG,
    SVG;

    /**
     * Tells the format from the content: the PNG signature, or an XML document whose root element is
     * {@code svg}. The file name is never consulted: renamed JPEGs and PDFs are common in badge imports.
     */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (Sniffing.isPng(bytes)) {
            return Optional.of(PNG);
        }
        if (Sniffing.isSvg(bytes)) {
            return Optional.of(SVG);
        }
        return Optional.empty();
    }
}
