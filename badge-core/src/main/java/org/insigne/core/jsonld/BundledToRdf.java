package org.insigne.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.lang.BlankNode;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * JSON-LD to RDF (JSON-LD 1.1 API §9.4 expansion then §8 deserialisation) for the documents credentials
 * actually are: a top-level {@code @context} made of bundled context URLs, node objects, value objects,
 * {@code @set} containers and the term definitions of the VC, OB 3.0 and Data Integrity contexts. It does the
 * same as Titanium, using Titanium's own context processing, IRI expansion and value expansion, with one
 * difference: every processed context — and above all the type-scoped ones ({@code Achievement},
 * {@code Profile}, {@code Result}… of the OB context), which Titanium rebuilds at every typed node (§9.4.2
 * step 11) — is computed once per (parent context, local context) and kept.
 *
 * <p>Anything outside that subset — a nested or inline {@code @context}, {@code @graph}, {@code @list},
 * {@code @reverse}, {@code @included}, {@code @nest}, {@code @json}, language or index maps, language-tagged
 * strings, blank node identifiers, relative IRIs, non-integer numbers, an undefined term, any Titanium error —
 * makes {@link #toRdf} answer {@code null} and the caller runs Titanium, which gives the verdict and the
 * message. So this path can only be faster, never different; {@code BundledToRdfTests} checks that on every
 * credential we have.
 */
final class BundledToRdf {

    static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    static final String XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
    static final String XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
    static final String XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double";
    static final String XSD_FLOAT = "http://www.w3.org/2001/XMLSchema#float";
    static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    /** JSON-LD 1.1 API §8.6 step 10: integers of this size and above are written as doubles. */
    private static final BigDecimal DOUBLE_FROM = BigDecimal.ONE.movePointRight(21);

    /** Deeper documents go to Titanium (the JSON parser has refused much deeper ones already). */
    static final int MAX_DEPTH = 48;

    /** Processed scoped contexts kept; the bundled contexts give a few dozen. */
    static final int MAX_SCOPES = 2048;

    /** One quad of the default graph; {@code datatype} null for an IRI or blank node object. */
    record Quad(String subject, String predicate, String object, @Nullable String datatype) {
    }

    private final Cache<ScopeKey, ActiveContext> scopes = Caffeine.newBuilder().maximumSize(MAX_SCOPES).build();

    /**
     * The quads of {@code document} (its top-level {@code @context} already processed into {@code context},
     * and skipped here), duplicates removed as in the node map (§7.2), or {@code null} when Titanium must do it.
     */
    @Nullable Collection<Quad> toRdf(ActiveContext context, JsonObject document) {
        Run run = new Run();
        try {
            run.node(context, null, document, 0, true);
            return run.quads;
        } catch (Unsupported | JsonLdError e) {
            return null;
        }
    }

    int cachedScopes() {
        scopes.cleanUp();
        return (int) scopes.estimatedSize();
    }

    /** Something this path leaves to Titanium; carries no stack trace, it is an ordinary outcome. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /** Identity of a scoped context: parent and local context are compared by reference (both are kept). */
    private record ScopeKey(ActiveContext parent, JsonValue local, boolean typeScoped, @Nullable URI base) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ScopeKey key && key.parent == parent && key.local == local
                    && key.typeScoped == typeScoped && Objects.equals(key.base, base);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(parent) * 31 + System.identityHashCode(local) + (typeScoped ? 1 : 0);
        }
    }

    /**
     * §4.1 Context Processing of a term's local context, as Titanium's {@code ObjectExpansion} calls it:
     * property-scoped contexts override protected terms (§9.4.2 step 8), type-scoped ones do not propagate
     * (step 11.2).
     */
    private ActiveContext scoped(ActiveContext parent, JsonValue local, @Nullable URI base, boolean typeScoped)
            throws JsonLdError {
        ScopeKey key = new ScopeKey(parent, local, typeScoped, base);
        ActiveContext known = scopes.getIfPresent(key);
        if (known != null) {
            return known;
        }
        ActiveContext processed = typeScoped
                ? parent.newContext().propagate(false).create(local, base)
                : parent.newContext().overrideProtected(true).create(local, base);
        scopes.put(key, processed);
        return processed;
    }

    private static @Nullable TermDefinition term(ActiveContext context, String term) {
        return context.getTerm(term).orElse(null);
    }

    private static @Nullable URI baseOf(ActiveContext context, String term) {
        TermDefinition definition = term(context, term);
        return definition == null ? null : definition.getBaseUrl();
    }

    private static @Nullable JsonValue localContext(ActiveContext context, String term) {
        TermDefinition definition = term(context, term);
        return definition == null ? null : definition.getLocalContext();
    }

    private static boolean absolute(String iri) {
        return !BlankNode.hasPrefix(iri) && UriUtils.isAbsoluteUri(iri, UriValidationPolicy.SchemeOnly);
    }

    /** One document's conversion: its blank node counter and quads. */
    private final class Run {
        final Set<Quad> quads = new LinkedHashSet<>();
        private int blankNodes;

        /**
         * §9.4.2 for a map, then §8.2 for the node it is, adding its quads: returns the node's subject (IRI or
         * blank node) or, for a value object, its literal. Whatever this path does not do throws.
         */
        Term node(ActiveContext incoming, @Nullable String property, JsonObject element, int depth, boolean top)
                throws Unsupported, JsonLdError {
            if (depth > MAX_DEPTH) {
                throw UNSUPPORTED;
            }
            // Titanium's Expansion takes the property-scoped context from the parent's active context.
            JsonValue propertyContext = property == null ? null : localContext(incoming, property);
            ActiveContext context = incoming;
            // §9.4.2 step 7: a type-scoped context does not apply to nested node objects.
            if (context.getPreviousContext() != null && reverts(context, element)) {
                context = context.getPreviousContext();
            }
            // Step 8.
            if (propertyContext != null) {
                context = scoped(context, propertyContext, baseOf(context, Objects.requireNonNull(property)), false);
            }
            if (!top && element.containsKey("@context")) {
                throw UNSUPPORTED;
            }
            // Steps 10–11: expand every key once; apply type-scoped contexts in lexicographical order.
            ActiveContext typeContext = context;
            String typeKey = null;
            String valueKey = null;
            String idKey = null;
            for (String key : element.keySet()) {
                if (top && "@context".equals(key)) {
                    continue;
                }
                String expanded = context.uriExpansion().vocab(true).expand(key);
                if ("@type".equals(expanded)) {
                    if (typeKey != null) {
                        throw UNSUPPORTED;
                    }
                    typeKey = key;
                } else if ("@value".equals(expanded)) {
                    valueKey = key;
                } else if ("@id".equals(expanded)) {
                    if (idKey != null) {
                        throw UNSUPPORTED;
                    }
                    idKey = key;
                }
            }
            List<String> types = List.of();
            if (typeKey != null) {
                types = strings(element.get(typeKey));
                for (String type : new TreeSet<>(types)) {
                    // The local context comes from the context before type scoping, its base URL (as in
                    // Titanium) from the current one.
                    JsonValue local = localContext(typeContext, type);
                    if (local != null) {
                        context = scoped(context, local, baseOf(context, type), true);
                    }
                }
                // Titanium reads the remaining keywords with the type-scoped context: they must not move.
                if (context != typeContext && (!keeps(context, typeKey, "@type") || !keeps(context, idKey, "@id")
                        || !keeps(context, valueKey, "@value"))) {
                    throw UNSUPPORTED;
                }
            }
            if (valueKey != null) {
                if (top) {
                    throw UNSUPPORTED;
                }
                return valueObject(typeContext, element, valueKey, typeKey);
            }
            String subject;
            if (idKey != null) {
                if (!(element.get(idKey) instanceof JsonString id)) {
                    throw UNSUPPORTED;
                }
                subject = context.uriExpansion().documentRelative(true).vocab(false).expand(id.getString());
                if (subject == null || !absolute(subject)) {
                    throw UNSUPPORTED;
                }
            } else {
                subject = "_:b" + blankNodes++;
            }
            for (String type : types) {
                String iri = typeContext.uriExpansion().vocab(true).documentRelative(true).expand(type);
                if (iri == null || !absolute(iri)) {
                    throw UNSUPPORTED;
                }
                quads.add(new Quad(subject, RDF_TYPE, iri, null));
            }
            for (Map.Entry<String, JsonValue> entry : element.entrySet()) {
                String key = entry.getKey();
                if (key.equals(typeKey) || key.equals(idKey) || (top && "@context".equals(key))) {
                    continue;
                }
                property(context, subject, key, entry.getValue(), depth);
            }
            return new Term(subject, null);
        }

        /** §9.4.2 step 13 for a key that is not a keyword, then the quads of its values. */
        private void property(ActiveContext context, String subject, String key, JsonValue value, int depth)
                throws Unsupported, JsonLdError {
            String predicate = context.uriExpansion().documentRelative(false).vocab(true).expand(key);
            if (predicate == null || Keywords.contains(predicate) || !absolute(predicate)) {
                // Keywords other than @id and @type, undefined terms, relative or blank node predicates.
                throw UNSUPPORTED;
            }
            TermDefinition definition = term(context, key);
            if (definition != null) {
                if (definition.isReverseProperty() || "@json".equals(definition.getTypeMapping())
                        || definition.getNestValue() != null) {
                    throw UNSUPPORTED;
                }
                for (String container : definition.getContainerMapping()) {
                    if (!"@set".equals(container)) {
                        throw UNSUPPORTED;
                    }
                }
            }
            if (value instanceof JsonArray array) {
                for (JsonValue item : array) {
                    if (item instanceof JsonArray) {
                        throw UNSUPPORTED;
                    }
                    item(context, subject, predicate, key, item, depth);
                }
            } else {
                item(context, subject, predicate, key, value, depth);
            }
        }

        private void item(ActiveContext context, String subject, String predicate, String key, JsonValue value,
                          int depth) throws Unsupported, JsonLdError {
            Term object;
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return;
            } else if (value instanceof JsonObject map) {
                object = node(context, key, map, depth + 1, false);
            } else {
                object = scalar(context, key, value);
            }
            quads.add(new Quad(subject, predicate, object.value(), object.datatype()));
        }

        /** Titanium's ScalarExpansion: the property-scoped context applies, no revert (§9.4.1 step 4). */
        private Term scalar(ActiveContext context, String key, JsonValue value) throws Unsupported, JsonLdError {
            ActiveContext active = context;
            JsonValue local = localContext(context, key);
            if (local != null) {
                active = scoped(context, local, baseOf(context, key), false);
            }
            JsonObject expanded = active.valueExpansion().expand(value, key);
            if (expanded == null) {
                throw UNSUPPORTED;
            }
            if (expanded.containsKey("@id")) {
                if (expanded.size() != 1 || !(expanded.get("@id") instanceof JsonString id)
                        || !absolute(id.getString())) {
                    throw UNSUPPORTED;
                }
                return new Term(id.getString(), null);
            }
            JsonValue type = expanded.get("@type");
            if (type != null && !(type instanceof JsonString)) {
                throw UNSUPPORTED;
            }
            int allowed = type == null ? 1 : 2;
            if (expanded.size() != allowed) {
                throw UNSUPPORTED;   // @language, @direction, @index
            }
            return literal(expanded.get("@value"), type == null ? null : ((JsonString) type).getString());
        }

        /** A value object written in the document: {@code @value} with at most a {@code @type}. */
        private Term valueObject(ActiveContext typeContext, JsonObject element, String valueKey,
                                 @Nullable String typeKey) throws Unsupported, JsonLdError {
            if (element.size() != (typeKey == null ? 1 : 2)) {
                throw UNSUPPORTED;
            }
            String type = null;
            if (typeKey != null) {
                if (!(element.get(typeKey) instanceof JsonString name)) {
                    throw UNSUPPORTED;
                }
                type = typeContext.uriExpansion().vocab(true).documentRelative(true).expand(name.getString());
                if (type == null) {
                    throw UNSUPPORTED;
                }
            }
            return literal(element.get(valueKey), type);
        }

        /** §8.6 Object to RDF Conversion for a literal, in Titanium's terms (lexical form, datatype). */
        private Term literal(@Nullable JsonValue value, @Nullable String type) throws Unsupported {
            if (type != null && !absolute(type)) {
                throw UNSUPPORTED;   // @json, @vocab, a relative datatype
            }
            if (value instanceof JsonString string) {
                return new Term(string.getString(), type == null ? XSD_STRING : type);
            }
            if (value != null && value.getValueType() == JsonValue.ValueType.TRUE) {
                return new Term("true", type == null ? XSD_BOOLEAN : type);
            }
            if (value != null && value.getValueType() == JsonValue.ValueType.FALSE) {
                return new Term("false", type == null ? XSD_BOOLEAN : type);
            }
            if (value instanceof JsonNumber number && number.isIntegral() && !XSD_DOUBLE.equals(type)
                    && !XSD_FLOAT.equals(type) && number.bigDecimalValue().compareTo(DOUBLE_FROM) < 0) {
                return new Term(number.bigIntegerValue().toString(), type == null ? XSD_INTEGER : type);
            }
            throw UNSUPPORTED;   // doubles, null, objects
        }

        /** §9.4.2 step 7's exceptions: value objects and lone {@code @id} maps keep the type-scoped context. */
        private boolean reverts(ActiveContext context, JsonObject element) throws JsonLdError {
            for (String key : element.keySet()) {
                String expanded = context.uriExpansion().vocab(true).expand(key);
                if ("@value".equals(expanded) || ("@id".equals(expanded) && element.size() == 1)) {
                    return false;
                }
            }
            return true;
        }

        private boolean keeps(ActiveContext context, @Nullable String key, String keyword) throws JsonLdError {
            return key == null || keyword.equals(context.uriExpansion().vocab(true).expand(key));
        }

        private List<String> strings(@Nullable JsonValue value) throws Unsupported {
            if (value instanceof JsonString string) {
                return List.of(string.getString());
            }
            if (value instanceof JsonArray array) {
                List<String> out = new ArrayList<>(array.size());
                for (JsonValue item : array) {
                    if (!(item instanceof JsonString string)) {
                        throw UNSUPPORTED;
                    }
                    out.add(string.getString());
                }
                return out;
            }
            throw UNSUPPORTED;
        }
    }

    /** An RDF term: an IRI or blank node when {@code datatype} is null, else a literal's lexical form. */
    private record Term(String value, @Nullable String datatype) {
    }
}
