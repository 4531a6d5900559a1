package org.insigne.issuer.publishing;

import org.insigne.core.error.DomainException;

/**
 * No baked image can be made in this format: an SVG badge image cannot become a PNG without drawing it, which
 * Insigne does not do ({@code svg-only}); or the badge class has no image left ({@code no-image}).
 */
public final class BakedImageUnavailable extends DomainException {
    public BakedImageUnavailable(String reason) {
        super(Kind.NOT_FOUND, "error.baked." + reason);
    }
}
