package org.insigne.issuer.openrecognition;

/** Who a person's badge recognises: themselves (auto-déclaré), or another person (de pair à pair). */
public enum PersonBadgeKind {
    SELF_DECLARED, PEER
}
