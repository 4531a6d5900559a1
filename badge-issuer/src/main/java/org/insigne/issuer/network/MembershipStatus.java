package org.insigne.issuer.network;

/** Where an organisation stands with a network. */
public enum MembershipStatus {
    INVITED, MEMBER, DECLINED, LEFT, REMOVED;

    /** Invited or member: a new invitation would be a second one. */
    boolean open() {
        return this == INVITED || this == MEMBER;
    }
}
