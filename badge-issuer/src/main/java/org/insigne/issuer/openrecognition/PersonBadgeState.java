package org.insigne.issuer.openrecognition;

/** A self-declared badge is issued at once; a peer badge waits for its recipient to claim or decline it. */
public enum PersonBadgeState {
    ISSUED, OFFERED, CLAIMED, DECLINED
}
