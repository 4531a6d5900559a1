package org.insigne.backpack.badge;

import org.insigne.core.error.DomainException;

/** No such badge, or not one the asker may see: the two are never told apart, so ids cannot be probed. */
public final class BadgeNotFound extends DomainException {
    public BadgeNotFound() {
        super(Kind.NOT_FOUND, "backpack.error.not-found");
    }
}
