package org.insigne.issuer.network;

import java.util.Objects;
import java.util.UUID;

public record NetworkId(UUID value) {
    public NetworkId {
        Objects.requireNonNull(value, "value");
    }
}
