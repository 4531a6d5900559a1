package org.insigne.core.verification;

/** Which Open Badges specification an input was recognised as. */
public enum Spec {
    OB2, OB3, UNKNOWN
}
