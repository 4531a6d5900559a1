package org.insigne.issuer.network;

import java.util.List;

import org.insigne.issuer.organisation.OrganisationId;

/** What anyone may read about a network: its profile and its members, each with how many badges it awarded. */
public record PublicNetwork(NetworkView network, List<Member> members) {

    public PublicNetwork {
        members = List.copyOf(members);
    }

    /** A member organisation and the number of its badges in force (awarded, not revoked): a count, nobody's data. */
    public record Member(OrganisationId id, String name, long awards) {
    }
}
