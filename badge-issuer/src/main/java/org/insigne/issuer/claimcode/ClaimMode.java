package org.insigne.issuer.claimcode;

/** What using a code does: award the badge at once, or send an application for a reviewer to decide. */
public enum ClaimMode {
    AWARD,
    APPLICATION
}
