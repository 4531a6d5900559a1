package org.insigne.issuer.bulk;

import java.util.Objects;
import java.util.UUID;

public record BulkJobId(UUID value) {
    public BulkJobId {
        Objects.requireNonNull(value, "value");
    }
}
