package org.insigne.web.account;

import java.util.UUID;

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
