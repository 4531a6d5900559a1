package org.insigne.issuer.network;

import org.insigne.core.error.DomainException;

/** Something asked of a network against its rules; nothing was changed. */
public final class NetworkRefused extends DomainException {

    private NetworkRefused(Kind kind, String messageKey) {
        super(kind, messageKey);
    }

    /** Only the network's coordinators act for it; a member organisation's staff do not. */
    static NetworkRefused notCoordinator() {
        return new NetworkRefused(Kind.FORBIDDEN, "error.network.not-coordinator");
    }

    /** A network is not one of its own members. */
    static NetworkRefused self() {
        return new NetworkRefused(Kind.INVALID, "error.network.invite-self");
    }

    /** The organisation is already a member, or already invited and has not answered. */
    static NetworkRefused twice() {
        return new NetworkRefused(Kind.CONFLICT, "error.network.invite-twice");
    }

    /** No organisation has that id. */
    public static NetworkRefused organisationUnknown() {
        return new NetworkRefused(Kind.INVALID, "error.network.organisation-unknown");
    }

    /** The person coordinates the network already. */
    static NetworkRefused coordinatorTwice() {
        return new NetworkRefused(Kind.CONFLICT, "error.network.coordinator-twice");
    }

    /** Accepting or declining an invitation that was already answered. */
    static NetworkRefused notPending() {
        return new NetworkRefused(Kind.CONFLICT, "error.network.not-pending");
    }

    /** Leaving or removing an organisation that is not a member (any more). */
    static NetworkRefused notMember() {
        return new NetworkRefused(Kind.CONFLICT, "error.network.not-member");
    }
}
