package org.insigne.web.system;

import java.util.UUID;

import org.insigne.web.account.AccountUser;
import org.springframework.security.core.Authentication;

/** The id of the signed-in person, for controllers that pass it to services (which check ownership). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static UUID id(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
            return user.id();
        }
        throw new IllegalStateException("no signed-in account on a page that requires one");
    }
}
