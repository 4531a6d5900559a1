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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
            URI uri = parseUri(trimmed);
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
            return parseUri(text.strip());
        } catch (URISyntaxException bad) {
            return null;
        }
    }

    private static final int MAX_CACHED_URIS = 4096;
    private static final int MAX_CACHED_URI_LENGTH = 512;
    /**
     * Parsed URIs by text. The same few issuer, badge and key IRIs come back in every verification and
     * parsing them was a sizeable share of its cost; URIs are immutable, so sharing them is safe.
     */
    private static final Cache<String, URI> URIS = Caffeine.newBuilder().maximumSize(MAX_CACHED_URIS)
            .executor(Runnable::run).build();

    private static URI parseUri(String text) throws URISyntaxException {
        URI cached = URIS.getIfPresent(text);
        if (cached != null) {
            return cached;
        }
        URI uri = new URI(text);
        if (text.length() <= MAX_CACHED_URI_LENGTH) {
            URIS.put(text, uri);
        }
        return uri;
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
        Instant fast = commonDateTime(text);
        if (fast != null) {
            return fast;
        }
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

    /**
     * The usual shape {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±hh:mm|±hhmm)} read by hand, because the general
     * ISO formatter was a noticeable share of verification time; anything else (or anything odd) returns
     * null and goes through the formatter.
     */
    static @Nullable Instant commonDateTime(String text) {
        int n = text.length();
        if (n < 17 || n > 40 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int i = 16;
        int second = 0;
        int nanos = 0;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                int count = i - start;
                if (count == 0 || count > 9) {
                    return null;
                }
                nanos = digits(text, start, count);
                for (int k = count; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (i >= n || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            return null;
        }
        int offsetSeconds;
        char zone = text.charAt(i);
        if (zone == 'Z' && i == n - 1) {
            offsetSeconds = 0;
        } else if ((zone == '+' || zone == '-')
                && (i == n - 6 && text.charAt(i + 3) == ':' || i == n - 5)) {
            // ±hh:mm, or ±hhmm as PHP's DATE_ISO8601 writes it (older Moodle badges).
            int oh = digits(text, i + 1, 2);
            int om = digits(text, i == n - 6 ? i + 4 : i + 3, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = (zone == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
