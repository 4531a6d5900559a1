package org.insigne.backpack.badge;

import java.util.Objects;
import java.util.UUID;

/** A badge in a backpack, as its owner's pages name it. Never shown publicly: see {@code publicId}. */
public record BadgeId(UUID value) {
    public BadgeId {
        Objects.requireNonNull(value, "value");
    }
}
