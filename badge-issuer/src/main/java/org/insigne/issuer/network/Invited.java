package org.insigne.issuer.network;

import java.util.List;
import java.util.UUID;

/** An invitation made, with the owners' and administrators' ids of the invited organisation, to be told of it. */
public record Invited(NetworkMemberView invitation, List<UUID> administrators) {

    public Invited {
        administrators = List.copyOf(administrators);
    }
}
