package org.insigne.web.platforms;

import org.insigne.core.error.DomainException;

/** No connection of this earner has this id (another earner's is the same 404). */
final class PlatformConnectionNotFound extends DomainException {

    PlatformConnectionNotFound() {
        super(Kind.NOT_FOUND, "platforms.error.not-found");
    }
}
