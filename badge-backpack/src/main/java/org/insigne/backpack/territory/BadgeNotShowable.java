package org.insigne.backpack.territory;

import org.insigne.core.error.DomainException;

/** A chosen badge is not the earner's, not public, or not verified: only public, verified badges appear. */
public final class BadgeNotShowable extends DomainException {
    public BadgeNotShowable() {
        super(Kind.INVALID, "territory.error.badge");
    }
}
