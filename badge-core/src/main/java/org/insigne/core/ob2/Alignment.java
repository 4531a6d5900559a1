package org.insigne.core.ob2;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** An educational standard or framework the badge aligns to (OB 2.0 AlignmentObject). */
public record Alignment(String targetName, String targetUrl, @Nullable String targetDescription,
                        @Nullable String targetFramework, @Nullable String targetCode, JsonNode json) {

    public Alignment {
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(json, "json");
    }
}
