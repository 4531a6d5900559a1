package org.insigne.core.ob2;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Typed access to JSON properties with errors that name the property and tell missing, null and wrong
 * type apart (house style: parsers tell them apart). Paths are dotted from the document root.
 */
final class Fields {

    private Fields() {
    }

    static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The value, or null when absent; an explicit JSON null is an error for required values. */
    static @Nullable JsonNode get(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isMissingNode() ? null : value;
    }

    static JsonNode required(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = get(node, name);
        if (value == null) {
            throw Ob2ParseFailed.missing(path(parent, name));
        }
        if (value.isNull()) {
            throw Ob2ParseFailed.nullValue(path(parent, name));
        }
        return value;
    }

    static String requiredText(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = required(node, name, parent);
        // Some platforms wrap a single value in a one-element array.
        if (value.isArray() && value.size() == 1 && value.get(0).isString()) {
            value = value.get(0);
        }
        if (!value.isString()) {
            throw Ob2ParseFailed.wrongType(path(parent, name), "text");
        }
        return value.stringValue();
    }

    /** Optional text: absent or null gives null; a number or boolean is accepted as its text form. */
    static @Nullable String optionalText(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = get(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray() && value.size() == 1) {
            value = value.get(0);
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw Ob2ParseFailed.wrongType(path(parent, name), "text");
    }

    /** A property that may be one string or an array of strings. */
    static List<String> textList(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = get(node, name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isString()) {
            out.add(value.stringValue());
            return out;
        }
        if (!value.isArray()) {
            throw Ob2ParseFailed.wrongType(path(parent, name), "text-list");
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw Ob2ParseFailed.wrongType(path(parent, name), "text-list");
            }
            out.add(item.stringValue());
        }
        return out;
    }

    /** A property that may be one value or an array of values, each handed back as a node. */
    static List<JsonNode> many(JsonNode node, String name) {
        JsonNode value = get(node, name);
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    static boolean optionalBoolean(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = get(node, name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        // "true"/"false" strings are common on older platforms.
        if (value.isString() && ("true".equalsIgnoreCase(value.stringValue())
                || "false".equalsIgnoreCase(value.stringValue()))) {
            return Boolean.parseBoolean(value.stringValue().toLowerCase(Locale.ROOT));
        }
        throw Ob2ParseFailed.wrongType(path(parent, name), "boolean");
    }

    /** A boolean flag read leniently: true only for JSON true or the string "true". */
    static boolean optionalBooleanOrFalse(JsonNode node, String name) {
        JsonNode value = get(node, name);
        return value != null && (value.isBoolean() && value.booleanValue()
                || value.isString() && "true".equalsIgnoreCase(value.stringValue().strip()));
    }

    /** An absolute IRI (has a scheme). Blank node ids ({@code _:b0}) are not IRIs. */
    static URI iri(String text, String path) throws Ob2ParseFailed {
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null) {
                throw Ob2ParseFailed.invalid(path, "ob2.read.not-iri", trimmed);
            }
            return uri;
        } catch (URISyntaxException bad) {
            throw Ob2ParseFailed.invalid(path, "ob2.read.not-iri", trimmed);
        }
    }

    static URI requiredIri(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        return iri(requiredText(node, name, parent), path(parent, name));
    }

    static @Nullable URI optionalIri(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        String text = optionalText(node, name, parent);
        return text == null ? null : iri(text, path(parent, name));
    }

    static @Nullable URI safeUri(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException bad) {
            return null;
        }
    }

    /** ISO 8601 date-time; OB 2.0 requires a time zone (Z or an offset), seconds optional. */
    static Instant dateTime(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = required(node, name, parent);
        if (!value.isString()) {
            throw Ob2ParseFailed.wrongType(path(parent, name), "datetime");
        }
        return dateTime(value.stringValue(), path(parent, name));
    }

    static @Nullable Instant optionalDateTime(JsonNode node, String name, String parent) throws Ob2ParseFailed {
        JsonNode value = get(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw Ob2ParseFailed.wrongType(path(parent, name), "datetime");
        }
        return dateTime(value.stringValue(), path(parent, name));
    }

    static Instant dateTime(String text, String path) throws Ob2ParseFailed {
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException noZone) {
            try {
                java.time.LocalDateTime.parse(text.strip());
                throw Ob2ParseFailed.invalid(path, "ob2.read.datetime-without-timezone", text);
            } catch (DateTimeParseException notADate) {
                throw Ob2ParseFailed.invalid(path, "ob2.read.not-datetime", text);
            }
        }
    }

    /** Type values, as one string or an array; never empty. */
    static List<String> types(JsonNode node, String parent) throws Ob2ParseFailed {
        List<String> types = textList(node, "type", parent);
        if (types.isEmpty() && get(node, "@type") != null) {
            types = textList(node, "@type", parent);
        }
        if (types.isEmpty()) {
            JsonNode raw = get(node, "type");
            if (raw == null) {
                throw Ob2ParseFailed.missing(path(parent, "type"));
            }
            throw Ob2ParseFailed.invalid(path(parent, "type"), "ob2.read.empty-type");
        }
        return types;
    }

    static void requireType(List<String> types, String parent, String... accepted) throws Ob2ParseFailed {
        for (String type : types) {
            for (String candidate : accepted) {
                if (candidate.equals(type) || ("obi:" + candidate).equals(type)
                        || ("https://w3id.org/openbadges#" + candidate).equals(type)) {
                    return;
                }
            }
        }
        throw Ob2ParseFailed.invalid(path(parent, "type"), "ob2.read.wrong-class", String.join(", ", types),
                accepted[0]);
    }
}
