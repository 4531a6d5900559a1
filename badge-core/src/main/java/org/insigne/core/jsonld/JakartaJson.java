package org.insigne.core.jsonld;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Converts a Jackson tree (how the rest of the core reads JSON) into the Jakarta JSON-P values Titanium
 * processes. The tree has already passed the parser's size and depth limits, so recursion is bounded.
 */
public final class JakartaJson {

    /** Looked up once: {@code JSON.createXxx} runs a ServiceLoader lookup on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JakartaJson() {
    }

    public static JsonValue of(JsonNode node) {
        if (node.isObject()) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                object.add(entry.getKey(), of(entry.getValue()));
            }
            return object.build();
        }
        if (node.isArray()) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            for (JsonNode item : node) {
                array.add(of(item));
            }
            return array.build();
        }
        if (node.isString()) {
            return JSON.createValue(node.asString());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? JSON.createValue(node.longValue()) : JSON.createValue(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return JSON.createValue(node.decimalValue());
        }
        return JsonValue.NULL;
    }

    /** The object without its {@code @context} entry. */
    public static jakarta.json.JsonObject withoutContext(jakarta.json.JsonObject object) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!"@context".equals(entry.getKey())) {
                builder.add(entry.getKey(), entry.getValue());
            }
        }
        return builder.build();
    }

    static jakarta.json.JsonArray arrayOf(JsonValue value) {
        return JSON.createArrayBuilder().add(value).build();
    }
}
