package org.insigne.issuer.network;

import java.time.Instant;
import java.util.UUID;

import org.insigne.issuer.organisation.OrganisationId;

/**
 * An organisation invited to or member of a network, seen from either side: {@code membership} names the
 * invitation, which the organisation answers or leaves and the coordinators remove.
 */
public record NetworkMemberView(UUID membership, NetworkId network, String networkName, OrganisationId organisation,
                                String organisationName, MembershipStatus status, Instant invitedAt) {

    public boolean pending() {
        return status == MembershipStatus.INVITED;
    }
}
