package org.insigne.issuer.badgeclass;

/** Draft while being written, published once it may be awarded, archived when no longer awarded nor edited. */
public enum BadgeClassStatus { DRAFT, PUBLISHED, ARCHIVED }
