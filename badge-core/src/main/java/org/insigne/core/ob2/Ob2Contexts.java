package org.insigne.core.ob2;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Recognises OB 2.0 JSON-LD contexts without fetching anything (hostile-inputs F7): the published context
 * URL or its alias, OB 2.0 extension contexts (accepted, never fetched), and an inline copy of the OB 2.0
 * context itself, recognised by the SHA-256 of its canonical JSON. Anything else is unsupported.
 */
public final class Ob2Contexts {

    /** What a document's {@code @context} says. */
    public enum Status { OB2, OB1, ABSENT, UNSUPPORTED }

    static final Set<String> OB2_URLS = Set.of(
            "https://w3id.org/openbadges/v2", "http://w3id.org/openbadges/v2",
            "https://openbadgespec.org/v2/context.json", "http://openbadgespec.org/v2/context.json");

    static final Set<String> OB1_URLS = Set.of("https://w3id.org/openbadges/v1", "http://w3id.org/openbadges/v1");

    private static final String EXTENSIONS = "https://w3id.org/openbadges/extensions/";

    /**
     * SHA-256 of the canonical JSON (keys sorted, no spaces) of the {@code @context} object published at
     * https://w3id.org/openbadges/v2; some issuers inline it instead of naming it.
     */
    static final String OB2_INLINE_SHA256 = "f0e3d4893d6d879fa78b384d58ead36bfc38a6891ff224efb410f59eb484f8df";

    private Ob2Contexts() {
    }

    public static Status of(JsonNode document) {
        JsonNode context = document.get("@context");
        if (context == null || context.isNull()) {
            return Status.ABSENT;
        }
        if (context.isArray()) {
            if (context.isEmpty()) {
                return Status.UNSUPPORTED;
            }
            Status first = single(context.get(0));
            for (int i = 1; i < context.size(); i++) {
                if (!isAllowedExtra(context.get(i))) {
                    return Status.UNSUPPORTED;
                }
            }
            return first == Status.ABSENT ? Status.UNSUPPORTED : first;
        }
        return single(context);
    }

    private static Status single(JsonNode context) {
        if (context.isString()) {
            String url = context.stringValue().strip();
            if (OB2_URLS.contains(url)) {
                return Status.OB2;
            }
            return OB1_URLS.contains(url) ? Status.OB1 : Status.UNSUPPORTED;
        }
        if (context.isObject() && isInlineOb2(context)) {
            return Status.OB2;
        }
        return Status.UNSUPPORTED;
    }

    private static boolean isAllowedExtra(JsonNode item) {
        if (item.isString()) {
            return item.stringValue().strip().startsWith(EXTENSIONS);
        }
        // {"@language": "fr"} and the like only set defaults; they redefine no term.
        if (item.isObject()) {
            for (String name : item.propertyNames()) {
                if (!"@language".equals(name) && !"@version".equals(name)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isInlineOb2(JsonNode context) {
        return OB2_INLINE_SHA256.equals(Ob2Json.sha256Hex(Ob2Json.canonical(context)));
    }

    /** The first context URL, for messages. */
    static @Nullable String describe(JsonNode document) {
        JsonNode context = document.get("@context");
        if (context == null) {
            return null;
        }
        JsonNode first = context.isArray() && !context.isEmpty() ? context.get(0) : context;
        return first.isString() ? first.stringValue() : "{…}";
    }
}
