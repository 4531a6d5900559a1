package org.insigne.issuer.cobuild;

import java.util.Objects;
import java.util.UUID;

public record CoBuildId(UUID value) {
    public CoBuildId {
        Objects.requireNonNull(value, "value");
    }
}
