package org.insigne.core.ob2;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** An image: an IRI, a {@code data:} URI, or an Image object with caption and author (OB 2.0 Image). */
public record Image(String id, @Nullable String caption, @Nullable String author, JsonNode json) {

    public Image {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }

    public boolean isDataUri() {
        return id.regionMatches(true, 0, "data:", 0, 5);
    }

    /** The declared media type of a data URI, lower case, or empty for an IRI. */
    public String dataMediaType() {
        if (!isDataUri()) {
            return "";
        }
        int end = id.indexOf(',');
        String header = end < 0 ? id.substring(5) : id.substring(5, end);
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
