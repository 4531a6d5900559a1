package org.insigne.issuer.endorsement;

import java.util.Objects;
import java.util.UUID;

public record EndorsementId(UUID value) {
    public EndorsementId {
        Objects.requireNonNull(value, "value");
    }
}
