package org.insigne.issuer.award;

import java.util.Objects;
import java.util.UUID;

public record AwardId(UUID value) {
    public AwardId {
        Objects.requireNonNull(value, "value");
    }
}
