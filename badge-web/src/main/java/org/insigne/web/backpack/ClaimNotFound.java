package org.insigne.web.backpack;

import org.insigne.core.error.DomainException;

/** The claim link names no award of ours. */
final class ClaimNotFound extends DomainException {
    ClaimNotFound() {
        super(Kind.NOT_FOUND, "backpack.claim.not-found");
    }
}
