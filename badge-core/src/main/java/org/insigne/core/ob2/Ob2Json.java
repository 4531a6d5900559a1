package org.insigne.core.ob2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded JSON for badges. Every document from outside goes through {@link #parse(byte[])}: at most
 * {@link #MAX_BYTES} and {@link #MAX_DEPTH} levels of nesting, enforced by the streaming parser itself, so
 * a hostile document is refused with a clear reason instead of exhausting the stack or the heap.
 */
public final class Ob2Json {

    /** Largest accepted JSON document (2 MB), the same cap as the fetcher's. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Deepest accepted nesting; real badges stay under 10. */
    public static final int MAX_DEPTH = 64;

    static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxDocumentLength(MAX_BYTES)
                            .maxStringLength(MAX_BYTES)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .build();

    private Ob2Json() {
    }

    /** The shared bounded mapper; its trees are never mutated once handed out. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static JsonNode parse(String text) throws Ob2ParseFailed {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode parse(byte[] bytes) throws Ob2ParseFailed {
        if (bytes.length > MAX_BYTES) {
            throw new Ob2ParseFailed(Ob2ParseFailed.Problem.TOO_LARGE, "", "ob2.read.too-large", MAX_BYTES / 1024 / 1024);
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new Ob2ParseFailed(Ob2ParseFailed.Problem.MALFORMED_JSON, "", "ob2.read.malformed-json");
            }
            return node;
        } catch (StreamConstraintsException tooMuch) {
            String message = String.valueOf(tooMuch.getMessage());
            if (message.contains("depth")) {
                throw new Ob2ParseFailed(Ob2ParseFailed.Problem.TOO_DEEP, "", "ob2.read.too-deep", MAX_DEPTH);
            }
            throw new Ob2ParseFailed(Ob2ParseFailed.Problem.TOO_LARGE, "", "ob2.read.too-large", MAX_BYTES / 1024 / 1024);
        } catch (JacksonException malformed) {
            throw new Ob2ParseFailed(Ob2ParseFailed.Problem.MALFORMED_JSON, "", "ob2.read.malformed-json");
        }
    }

    /** Parses and requires a JSON object at the top. */
    public static ObjectNode parseObject(byte[] bytes) throws Ob2ParseFailed {
        JsonNode node = parse(bytes);
        if (!(node instanceof ObjectNode object)) {
            throw new Ob2ParseFailed(Ob2ParseFailed.Problem.NOT_AN_OBJECT, "", "ob2.read.not-an-object");
        }
        return object;
    }

    /** Compact JSON with object keys sorted at every level: equal values give equal text. */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeCanonical(node, out);
        return out.toString();
    }

    private static void writeCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(MAPPER.writeValueAsString(entries.get(i).getKey())).append(':');
                writeCanonical(entries.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCanonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(MAPPER.writeValueAsString(node));
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static List<String> unmodifiable(List<String> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }
}
