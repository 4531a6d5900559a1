package org.insigne.issuer.endorsement;

/**
 * Where an endorsement stands. A request past its date is {@link #REQUESTED} in the table and shown as expired:
 * nothing needs to run for it to expire. {@link #SUBMITTED} is an endorsement of an awarded badge, written by the
 * person asked and waiting for the earner to accept it: nothing of it is public yet.
 */
public enum EndorsementStatus { REQUESTED, SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN }
