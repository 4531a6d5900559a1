package org.insigne.issuer.endorsement;

/**
 * Where an endorsement stands. A request past its date is {@link #REQUESTED} in the table and shown as expired:
 * nothing needs to run for it to expire.
 */
public enum EndorsementStatus { REQUESTED, ACCEPTED, DECLINED, WITHDRAWN }
