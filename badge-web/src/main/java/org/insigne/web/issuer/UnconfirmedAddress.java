package org.insigne.web.issuer;

import org.insigne.core.error.DomainException;

/** Only a confirmed address proves who an invitation was meant for. */
final class UnconfirmedAddress extends DomainException {
    UnconfirmedAddress() {
        super(Kind.FORBIDDEN, "error.invitation.unconfirmed");
    }
}
