package org.insigne.backpack.sharing;

import org.insigne.core.error.DomainException;

/** The name to show is empty, too long or looks like an e-mail address. */
public final class InvalidProfileName extends DomainException {
    public InvalidProfileName() {
        super(Kind.INVALID, "error.sharing.profile-name", PublicProfileService.MAX_NAME);
    }
}
