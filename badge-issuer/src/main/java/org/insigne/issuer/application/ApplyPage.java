package org.insigne.issuer.application;

import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.jspecify.annotations.Nullable;

/**
 * What the public "apply" page of a badge class shows: the badge, its issuer's name, the applicants'
 * instructions and limits, and, when it takes no application now, the message key saying why.
 */
public record ApplyPage(PublicBadgeClass badgeClass, String issuerName, ApplicationSettings settings,
                        @Nullable String closedReason) {

    public boolean accepting() {
        return closedReason == null;
    }
}
