package org.insigne.web.backpack;

import org.insigne.core.error.DomainException;

/** The issuer's badge image could not be obtained (or is no PNG/SVG), so no baked copy can be made. */
final class BadgeImageUnavailable extends DomainException {
    BadgeImageUnavailable() {
        super(Kind.NOT_FOUND, "backpack.download.image-unavailable");
    }
}
