package org.insigne.issuer.publishing;

import java.util.Optional;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.jspecify.annotations.Nullable;

/**
 * Where people apply for a badge class while it takes applications: what the 1EdTech Apply Link extension
 * gives in its documents. The applications feature answers; publishing and awards, which it builds on, only
 * ask.
 */
public interface ApplyLinks {

    /** The path of the badge class's application page, under the public base, while applications are open. */
    Optional<String> path(BadgeClassId badgeClass);

    /** The same as an absolute address under {@code urls}' base, or null when the class takes none. */
    default @Nullable String url(BadgeClassId badgeClass, HostedUrls urls) {
        return path(badgeClass).map(p -> urls.base() + p).orElse(null);
    }
}
