package org.insigne.issuer.claimcode;

import org.insigne.core.error.DomainException;

/**
 * A code could not be created or used: the key says why (unknown, expired, used up, closed, already used by
 * this person, badge class archived, bad settings), in the reader's language.
 */
public final class ClaimCodeRefused extends DomainException {

    public ClaimCodeRefused(Kind kind, String reason, Object... args) {
        super(kind, "error.claim-code." + reason, args);
    }
}
