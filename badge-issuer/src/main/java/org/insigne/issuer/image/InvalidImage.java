package org.insigne.issuer.image;

import org.insigne.core.error.DomainException;

/** An uploaded image was refused; {@link Why} says what to tell the person who sent it. */
public final class InvalidImage extends DomainException {

    public enum Why {
        EMPTY("error.image.empty"),
        TOO_LARGE("error.image.too-large"),
        NOT_PNG_OR_SVG("error.image.type"),
        SVG_MALFORMED("error.image.svg-malformed"),
        SVG_UNSAFE("error.image.svg-unsafe");

        private final String messageKey;

        Why(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Why why;

    public InvalidImage(Why why) {
        super(Kind.INVALID, why.messageKey, ImageUploads.MAX_BYTES / (1024 * 1024));
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
