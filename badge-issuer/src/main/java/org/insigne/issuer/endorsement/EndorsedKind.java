package org.insigne.issuer.endorsement;

/** What is endorsed: an organisation's issuer profile or a badge class. The name is the stored code. */
public enum EndorsedKind { ORGANISATION, BADGE_CLASS }
