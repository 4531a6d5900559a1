package org.insigne.issuer.badgeclass;

/**
 * A badge class was edited (text or image), published or archived: published inside that transaction, so that
 * what shows the badge class's awards (the public badge page's cache) can forget them once it commits.
 */
public record BadgeClassChanged(BadgeClassId badgeClass) {
}
