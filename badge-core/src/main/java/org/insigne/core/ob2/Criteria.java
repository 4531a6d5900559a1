package org.insigne.core.ob2;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** How a badge is earned: a page (id) and/or a narrative in Markdown (OB 2.0 Criteria). */
public record Criteria(@Nullable String id, @Nullable String narrative, JsonNode json) {

    public Criteria {
        Objects.requireNonNull(json, "json");
    }
}
