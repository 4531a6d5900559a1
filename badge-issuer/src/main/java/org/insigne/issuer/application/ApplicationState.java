package org.insigne.issuer.application;

/** Where an application stands. Only the first two are open: the applicant can still act on them. */
public enum ApplicationState {
    SUBMITTED, CHANGES_REQUESTED, AWARDED, REFUSED, WITHDRAWN;

    public boolean isOpen() {
        return this == SUBMITTED || this == CHANGES_REQUESTED;
    }
}
