package org.insigne.issuer.organisation;

import org.insigne.core.error.DomainException;

/** An invitation link that cannot be used: unknown, already accepted, or expired. */
public final class InvalidInvitation extends DomainException {

    public enum Why { UNKNOWN, USED, EXPIRED }

    public InvalidInvitation(Why why) {
        super(why == Why.UNKNOWN ? Kind.NOT_FOUND : Kind.GONE,
                "error.invitation." + why.name().toLowerCase(java.util.Locale.ROOT));
    }
}
