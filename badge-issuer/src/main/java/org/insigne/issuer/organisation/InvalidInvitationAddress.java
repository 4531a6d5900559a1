package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** The address to invite is not an e-mail address. */
public final class InvalidInvitationAddress extends DomainException {
    public InvalidInvitationAddress() {
        super(Kind.INVALID, "error.invitation.address-invalid");
    }
}
