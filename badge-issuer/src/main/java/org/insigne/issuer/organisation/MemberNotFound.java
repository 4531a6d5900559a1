package org.insigne.issuer.organisation;

import java.util.UUID;

import org.insigne.core.error.DomainException;

/** Nobody with this id is on the organisation's staff. */
public final class MemberNotFound extends DomainException {
    public MemberNotFound(UUID userId) {
        super(Kind.NOT_FOUND, "error.staff.member-not-found", userId);
    }
}
