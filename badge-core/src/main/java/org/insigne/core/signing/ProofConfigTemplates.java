package org.insigne.core.signing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonObject;
import java.util.regex.Pattern;
import org.insigne.core.jsonld.JakartaJson;
import org.insigne.core.jsonld.JsonLdRejected;
import org.insigne.core.jsonld.RdfCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical forms of proof configurations (vc-di-eddsa §3.3.5), kept as templates in which only the
 * {@code created} date varies. An issuer's proofs differ in nothing else (same contexts, type, cryptosuite,
 * verification method and purpose), yet each one cost a full JSON-LD expansion, including the type-scoped
 * {@code DataIntegrityProof} context, and RDFC-1.0: about a fifth of verifying a credential never seen before.
 *
 * <p>The template is the canonical form of the same configuration with {@link #SENTINEL} as its date,
 * computed by {@link RdfCanonicalizer} like any document (so safe mode and every other check run on it).
 * Putting the real date back in is only done where it gives the byte-identical result RDFC-1.0 would:
 * the date is a plain {@code xsd:dateTime} lexical form (no character N-Quads would escape), the sentinel
 * literal occurs exactly once, the configuration has a single blank node (so no label depends on the
 * literal, RDFC-1.0 §4.4), and no other quad shares its subject and predicate (so the sort order does not
 * depend on the literal either). Anything else is canonicalised in full.
 */
final class ProofConfigTemplates {

    /** A date no real proof carries; any value of the same lexical shape would do. */
    static final String SENTINEL = "1970-01-01T00:00:00Z";

    /** RFC 3339 date-times as Data Integrity writes them (vc-data-integrity §2.1 {@code created}). */
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private static final String LITERAL = "\"" + SENTINEL + "\"";

    /** Marks a configuration shape whose canonical form cannot serve as a template. */
    private static final String UNUSABLE = new String("unusable");

    /** Shapes kept (one per issuer key and purpose in practice), the ones used most when there are more. */
    static final int MAX_TEMPLATES = 256;

    private final RdfCanonicalizer canonicalizer;
    private final Cache<String, String> templates = Caffeine.newBuilder().maximumSize(MAX_TEMPLATES).build();

    ProofConfigTemplates(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    /** Same result as {@code canonicalizer.canonicalize(config)}, rejections included. */
    String canonicalize(ObjectNode config) throws JsonLdRejected {
        JsonNode created = config.get("created");
        if (created == null || !created.isString() || !DATE_TIME.matcher(created.asString()).matches()) {
            return full(config);
        }
        ObjectNode shape = config.deepCopy();
        shape.put("created", SENTINEL);
        String key = shape.toString();
        String template = templates.getIfPresent(key);
        if (template == null) {
            try {
                String canonical = canonicalizer.canonicalize((JsonObject) JakartaJson.of(shape));
                template = usable(canonical) ? canonical : UNUSABLE;
            } catch (JsonLdRejected e) {
                // The real configuration is rejected too; canonicalise it so that the reason names it.
                return full(config);
            }
            templates.put(key, template);
        }
        if (template == UNUSABLE) {
            return full(config);
        }
        return template.replace(LITERAL, "\"" + created.asString() + "\"");
    }

    private String full(ObjectNode config) throws JsonLdRejected {
        return canonicalizer.canonicalize((JsonObject) JakartaJson.of(config));
    }

    static boolean usable(String canonical) {
        int at = canonical.indexOf(LITERAL);
        if (at < 0 || canonical.indexOf(LITERAL, at + 1) >= 0 || canonical.contains("_:c14n1")) {
            return false;
        }
        int lineStart = canonical.lastIndexOf('\n', at) + 1;
        String[] parts = canonical.substring(lineStart, at).split(" ");
        if (parts.length != 2) {
            return false;
        }
        String subjectAndPredicate = parts[0] + " " + parts[1] + " ";
        int count = 0;
        for (String line : canonical.split("\n")) {
            if (line.startsWith(subjectAndPredicate)) {
                count++;
            }
        }
        return count == 1;
    }
}
