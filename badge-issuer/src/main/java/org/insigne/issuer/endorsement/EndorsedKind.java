package org.insigne.issuer.endorsement;

/**
 * What is endorsed: an organisation's issuer profile, a badge class, or one awarded badge (only at its earner's
 * request). The name is the stored code.
 */
public enum EndorsedKind { ORGANISATION, BADGE_CLASS, AWARD }
