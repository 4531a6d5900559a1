package org.insigne.issuer.badgeclass;

import java.util.Objects;
import java.util.UUID;

public record BadgeClassId(UUID value) {
    public BadgeClassId {
        Objects.requireNonNull(value, "value");
    }
}
