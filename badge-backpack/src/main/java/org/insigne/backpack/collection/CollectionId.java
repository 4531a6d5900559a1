package org.insigne.backpack.collection;

import java.util.Objects;
import java.util.UUID;

/** A collection, as its owner's pages name it; the public page uses its {@code publicId} instead. */
public record CollectionId(UUID value) {
    public CollectionId {
        Objects.requireNonNull(value, "value");
    }
}
