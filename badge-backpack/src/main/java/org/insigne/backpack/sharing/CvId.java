package org.insigne.backpack.sharing;

import java.util.Objects;
import java.util.UUID;

/** An anonymous CV, as its owner's pages name it; the public page uses its {@code publicId} instead. */
public record CvId(UUID value) {
    public CvId {
        Objects.requireNonNull(value, "value");
    }
}
