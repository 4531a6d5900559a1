package org.insigne.backpack.sharing;

import org.insigne.core.error.DomainException;

/** No public profile at this address: never one, or withdrawn by its owner. */
public final class ProfileNotFound extends DomainException {
    public ProfileNotFound() {
        super(Kind.NOT_FOUND, "error.sharing.profile-not-found");
    }
}
