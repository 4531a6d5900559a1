package org.insigne.issuer.application;

import org.insigne.issuer.badgeclass.PublicBadgeClass;

/** The review screen: the application, the badge class (criteria, levels), the settings with their instructions. */
public record ReviewView(ApplicationView application, PublicBadgeClass badgeClass, ApplicationSettings settings,
                         boolean ownApplication) {
}
