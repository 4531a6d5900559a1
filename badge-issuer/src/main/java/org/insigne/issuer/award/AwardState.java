package org.insigne.issuer.award;

/** Where an award stands, for filtering lists: revoked wins over expired. */
public enum AwardState { ACTIVE, REVOKED, EXPIRED }
