package org.insigne.issuer.key;

import java.util.Objects;
import java.util.UUID;

public record SigningKeyId(UUID value) {
    public SigningKeyId {
        Objects.requireNonNull(value, "value");
    }
}
