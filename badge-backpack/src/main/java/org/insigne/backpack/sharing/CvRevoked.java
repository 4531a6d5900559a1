package org.insigne.backpack.sharing;

import org.insigne.core.error.DomainException;

/** The earner withdrew this anonymous CV: its address answers "gone" for good. */
public final class CvRevoked extends DomainException {
    public CvRevoked() {
        super(Kind.GONE, "sharing.error.cv-revoked");
    }
}
