package org.insigne.backpack.sharing;

import org.insigne.core.error.DomainException;

/** No such anonymous CV, or not one the asker may see. */
public final class CvNotFound extends DomainException {
    public CvNotFound() {
        super(Kind.NOT_FOUND, "sharing.error.cv-not-found");
    }
}
