package org.insigne.core.jsonld;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON reader for outside documents (credentials, DID documents, status lists): at most
 * {@link #MAX_BYTES} and {@link #MAX_DEPTH} levels of nesting, duplicate keys refused. A 10k-deep or 50 MB
 * document is a {@link JsonUnreadable}, never a StackOverflowError or an OOM (HOSTILE S4).
 */
public final class BoundedJson {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_DEPTH = 64;

    /** Shared mapper; also used to write JSON. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxDocumentLength(MAX_BYTES)
                            .maxStringLength(MAX_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private BoundedJson() {
    }

    public static JsonNode read(String text) throws JsonUnreadable {
        if (text.length() > MAX_BYTES) {
            throw new JsonUnreadable("too large");
        }
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode read(byte[] bytes) throws JsonUnreadable {
        if (bytes.length > MAX_BYTES) {
            throw new JsonUnreadable("too large");
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JacksonException | StackOverflowError e) {
            throw new JsonUnreadable(e instanceof JacksonException j ? j.getOriginalMessage() : "too deep");
        }
    }

    /** Reads a JSON object; anything else (array, string, nothing) is unreadable as a document. */
    public static ObjectNode readObject(String text) throws JsonUnreadable {
        JsonNode node = read(text);
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new JsonUnreadable("not a JSON object");
    }

    public static ObjectNode readObject(byte[] bytes) throws JsonUnreadable {
        JsonNode node = read(bytes);
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new JsonUnreadable("not a JSON object");
    }

    /** The document is not JSON we accept. Message key {@code json.unreadable}. */
    public static final class JsonUnreadable extends Exception {
        public JsonUnreadable(String detail) {
            super(detail);
        }

        public String messageKey() {
            return "json.unreadable";
        }
    }
}
