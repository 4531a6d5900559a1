package org.insigne.core.ob2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes Open Badges 2.0 documents as strict compacted JSON-LD: {@code @context}
 * {@value #CONTEXT} first, then {@code id}, {@code type} and the spec's properties in a fixed order, then
 * any extension properties sorted by name, so that the same document always gives the same bytes. Aliases a
 * reader accepts are written under their 2.0 names ({@code verify} as {@code verification}, {@code hosted}
 * as {@code HostedBadge}). Sign the bytes this writer returns; never re-write a signed document.
 */
public final class Ob2Writer {

    public static final String CONTEXT = "https://w3id.org/openbadges/v2";

    private static final List<String> ORDER = List.of("id", "type", "identity", "hashed", "salt",
            "creator", "verificationProperty", "startsWith", "allowedOrigins", "recipient", "badge", "name", "description",
            "image", "criteria", "issuer", "url", "email", "telephone", "publicKey", "owner", "publicKeyPem",
            "verification", "revocationList", "revokedAssertions", "issuedOn", "expires", "evidence", "narrative",
            "alignment", "tags", "claim", "endorsement", "revoked", "revocationReason");

    private Ob2Writer() {
    }

    public static byte[] write(Assertion assertion) {
        return write(assertion.json());
    }

    public static byte[] write(BadgeClass badgeClass) {
        return write(badgeClass.json());
    }

    public static byte[] write(Profile profile) {
        return write(profile.json());
    }

    public static byte[] write(CryptographicKey key) {
        return write(key.json());
    }

    public static byte[] write(RevocationList list) {
        return write(list.json());
    }

    public static byte[] write(Endorsement endorsement) {
        return write(endorsement.json());
    }

    /** Writes any OB 2.0 document tree in the strict form. */
    public static byte[] write(JsonNode document) {
        ObjectNode out = Ob2Json.MAPPER.createObjectNode();
        out.put("@context", CONTEXT);
        copyOrdered(document, out);
        return Ob2Json.MAPPER.writeValueAsBytes(out);
    }

    private static void copyOrdered(JsonNode from, ObjectNode to) {
        for (String name : ORDER) {
            JsonNode value = from.get(name);
            if ("verification".equals(name) && value == null) {
                value = from.get("verify");
            }
            if (value != null && !value.isNull()) {
                to.set(name, normalise(name, value));
            }
        }
        List<Map.Entry<String, JsonNode>> rest = new ArrayList<>(from.properties());
        rest.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, JsonNode> entry : rest) {
            String name = entry.getKey();
            if (!ORDER.contains(name) && !"@context".equals(name) && !"verify".equals(name)
                    && !entry.getValue().isNull()) {
                to.set(name, normalise(name, entry.getValue()));
            }
        }
    }

    private static JsonNode normalise(String name, JsonNode value) {
        if (value.isObject()) {
            ObjectNode nested = Ob2Json.MAPPER.createObjectNode();
            copyOrdered(value, nested);
            if ("verification".equals(name) && nested.get("type") != null && nested.get("type").isString()) {
                String type = nested.get("type").stringValue();
                if ("hosted".equalsIgnoreCase(type)) {
                    nested.put("type", "HostedBadge");
                } else if ("signed".equalsIgnoreCase(type)) {
                    nested.put("type", "SignedBadge");
                }
            }
            return nested;
        }
        if (value.isArray()) {
            ArrayNode array = Ob2Json.MAPPER.createArrayNode();
            for (JsonNode item : value) {
                array.add(normalise(name, item));
            }
            return array;
        }
        return value;
    }
}
