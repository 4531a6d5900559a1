package org.insigne.issuer.cobuild;

/** Where the person answers: beside the animator on one screen, or alone through a link sent by mail. */
public enum CoBuildMode {
    SHARED_SCREEN, LINK
}
