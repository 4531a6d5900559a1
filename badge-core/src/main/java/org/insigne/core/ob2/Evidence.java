package org.insigne.core.ob2;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Work the earner did to earn the badge; every property is optional (OB 2.0 Evidence). */
public record Evidence(@Nullable String id, @Nullable String name, @Nullable String description,
                       @Nullable String narrative, @Nullable String genre, @Nullable String audience,
                       JsonNode json) {

    public Evidence {
        Objects.requireNonNull(json, "json");
    }
}
