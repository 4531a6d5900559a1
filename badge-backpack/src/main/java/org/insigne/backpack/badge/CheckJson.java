package org.insigne.backpack.badge;

import java.util.ArrayList;
import java.util.List;

import org.insigne.core.verification.Check;
import org.insigne.core.verification.CheckStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks of the last verification, kept as JSON (message keys and arguments, not text) so the detail page
 * says why in the reader's language, whichever language was used at import time.
 */
final class CheckJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckJson() {
    }

    static String write(List<Check> checks) {
        ArrayNode array = JSON.createArrayNode();
        for (Check check : checks) {
            ObjectNode node = array.addObject();
            node.put("id", check.id());
            node.put("status", check.status().name());
            node.put("key", check.messageKey());
            ArrayNode args = node.putArray("args");
            for (Object arg : check.args()) {
                // Numbers stay numbers: messages such as {0,number,#} refuse a string.
                if (arg instanceof Integer || arg instanceof Long || arg instanceof Short) {
                    args.add(((Number) arg).longValue());
                } else if (arg instanceof Number number) {
                    args.add(number.doubleValue());
                } else {
                    args.add(String.valueOf(arg));
                }
            }
        }
        return JSON.writeValueAsString(array);
    }

    static List<Check> read(String json) {
        List<Check> checks = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            List<Object> args = new ArrayList<>();
            for (JsonNode arg : node.get("args")) {
                args.add(arg.isIntegralNumber() ? (Object) arg.asLong() : arg.isNumber() ? (Object) arg.asDouble()
                        : arg.asString());
            }
            checks.add(new Check(node.get("id").asString(), CheckStatus.valueOf(node.get("status").asString()),
                    node.get("key").asString(), args));
        }
        return checks;
    }
}
