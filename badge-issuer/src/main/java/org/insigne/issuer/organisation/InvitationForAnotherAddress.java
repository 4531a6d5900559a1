package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** The invitation was sent to an address other than the signed-in account's confirmed one. */
public final class InvitationForAnotherAddress extends DomainException {
    public InvitationForAnotherAddress() {
        super(Kind.FORBIDDEN, "error.invitation.other-address");
    }
}
