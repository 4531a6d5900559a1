package org.insigne.issuer.publishing;

import java.util.Locale;
import java.util.Optional;

/** Which badge an image carries (OB 2.0 assertion or OB 3.0 credential) and in which image format. */
public enum BakedForm {
    OB2_PNG, OB2_SVG, OB3_PNG, OB3_SVG;

    /** {@code png} or {@code svg}, as in the image's URL. */
    public String extension() {
        return svg() ? "svg" : "png";
    }

    public String mediaType() {
        return svg() ? "image/svg+xml" : "image/png";
    }

    boolean svg() {
        return this == OB2_SVG || this == OB3_SVG;
    }

    boolean ob3() {
        return this == OB3_PNG || this == OB3_SVG;
    }

    /** The form for an OB 2.0 or OB 3.0 URL and its extension; empty for any other extension. */
    public static Optional<BakedForm> of(boolean ob3, String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "png" -> Optional.of(ob3 ? OB3_PNG : OB2_PNG);
            case "svg" -> Optional.of(ob3 ? OB3_SVG : OB2_SVG);
            default -> Optional.empty();
        };
    }
}
