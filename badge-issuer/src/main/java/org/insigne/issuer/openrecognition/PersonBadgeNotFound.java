package org.insigne.issuer.openrecognition;

import java.util.UUID;

import org.insigne.core.error.DomainException;

/** No badge of that id for this person: unknown, or someone else's. */
public final class PersonBadgeNotFound extends DomainException {

    PersonBadgeNotFound(UUID id) {
        super(Kind.NOT_FOUND, "error.person-badge.not-found", id);
    }
}
