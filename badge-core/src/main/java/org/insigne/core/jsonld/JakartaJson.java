package org.insigne.core.jsonld;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Converts a Jackson tree (how the rest of the core reads JSON) into the Jakarta JSON-P values Titanium
 * processes. The tree has already passed the parser's size and depth limits, so recursion is bounded.
 */
public final class JakartaJson {

    private JakartaJson() {
    }

    public static JsonValue of(JsonNode node) {
        if (node.isObject()) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                object.add(entry.getKey(), of(entry.getValue()));
            }
            return object.build();
        }
        if (node.isArray()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (JsonNode item : node) {
                array.add(of(item));
            }
            return array.build();
        }
        if (node.isString()) {
            return Json.createValue(node.asString());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Json.createValue(node.longValue()) : Json.createValue(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Json.createValue(node.decimalValue());
        }
        return JsonValue.NULL;
    }
}
