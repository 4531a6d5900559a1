package org.insigne.core.ob3;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Tolerant reading helpers: OB 3.0 allows a single value where an array is expected (serialization.md). */
final class Json {

    private Json() {
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** A string, or the id of an object. */
    static @Nullable String idOf(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        return text(node, "id");
    }

    /** The value as a list: absent → empty, single → one item, array → its items. */
    static List<JsonNode> list(@Nullable JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    static List<String> texts(@Nullable JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list(node, field)) {
            if (item.isString()) {
                out.add(item.asString());
            }
        }
        return out;
    }

    /** XSD dateTime with an offset, or null when absent or malformed (the structure check reports it). */
    static @Nullable Instant instant(@Nullable JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
