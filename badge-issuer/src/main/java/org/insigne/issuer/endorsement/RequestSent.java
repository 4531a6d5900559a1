package org.insigne.issuer.endorsement;

import java.util.List;
import java.util.UUID;

/** A request just sent, with the endorser's owners and administrators, whom the caller tells by mail. */
public record RequestSent(EndorsementView endorsement, List<UUID> endorserAdministrators) {
    public RequestSent {
        endorserAdministrators = List.copyOf(endorserAdministrators);
    }
}
