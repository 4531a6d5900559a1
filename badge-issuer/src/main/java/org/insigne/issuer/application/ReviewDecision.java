package org.insigne.issuer.application;

/** What one reviewer decided: an approval counts towards an award; the other two act at once. */
public enum ReviewDecision { APPROVED, CHANGES_REQUESTED, REFUSED }
