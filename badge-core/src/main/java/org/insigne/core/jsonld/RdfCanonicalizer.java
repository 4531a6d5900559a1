package org.insigne.core.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a JSON-LD document into its RDFC-1.0 canonical N-Quads, the input Data Integrity hashes
 * (vc-di-eddsa §3.3.3, RDF Dataset Canonicalization). Runs in "safe mode" (vc-data-integrity §4.2,
 * HOSTILE S8): a property or type that no context defines, which expansion would silently drop or
 * send to the VCDM 2.0 {@code issuer-dependent} vocabulary, rejects the document, so that nothing
 * unsigned can pass for signed. Only {@link BundledContexts} are ever loaded, and canonicalisation
 * stops after a fixed amount of work (S9: a blank-node clique must not run for minutes).
 */
public final class RdfCanonicalizer {

    /** VCDM 2.0 maps undefined terms here (§ "Getting started", {@code @vocab}); we treat them as undefined. */
    static final String ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#";

    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    /**
     * N-degree hashing steps allowed. Credentials' blank nodes (proofs, results, identifiers) are told apart by
     * their first-degree hashes and need few or none; a clique of look-alike blank nodes needs millions.
     */
    static final int MAX_TICKS = 5_000;

    /** Distinct {@code @context} lists kept processed; credentials in the wild use a handful. */
    private static final int MAX_CACHED_CONTEXTS = 64;

    private final BundledContexts contexts;
    private final JsonLdOptions options;
    private final Cache<JsonValue, ActiveContext> activeContexts =
            Caffeine.newBuilder().maximumSize(MAX_CACHED_CONTEXTS).build();

    /** Canonical forms kept (a few KB each), the ones asked for most when there are more. */
    static final int MEMO_SIZE = 1024;
    private final Cache<String, String> memo = Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();

    /** Our conversion for documents using bundled contexts only (null: always Titanium). */
    private final @org.jspecify.annotations.Nullable BundledToRdf fastPath;
    /** Documents the fast path converted, for the differential tests. */
    private final java.util.concurrent.atomic.LongAdder fastPathRuns = new java.util.concurrent.atomic.LongAdder();

    public RdfCanonicalizer(BundledContexts contexts) {
        this(contexts, true);
    }

    private RdfCanonicalizer(BundledContexts contexts, boolean fastPath) {
        this.fastPath = fastPath ? new BundledToRdf() : null;
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.options = new JsonLdOptions(contexts);
        this.options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        this.options.setUriValidation(com.apicatalog.jsonld.uri.UriValidationPolicy.SchemeOnly);
    }

    /** The bundled contexts only. */
    public static RdfCanonicalizer standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RdfCanonicalizer STANDARD = new RdfCanonicalizer(BundledContexts.standard());
    }

    /**
     * A canonicaliser that always expands with Titanium, never with {@link BundledToRdf}: the reference the
     * differential tests compare against, and a way to rule the fast path out when diagnosing a proof.
     */
    public static RdfCanonicalizer withoutFastPath(BundledContexts contexts) {
        return new RdfCanonicalizer(contexts, false);
    }

    /** How many documents {@link BundledToRdf} converted (Titanium did the others). */
    long fastPathRuns() {
        return fastPathRuns.sum();
    }

    public BundledContexts contexts() {
        return contexts;
    }

    /**
     * Canonical N-Quads of {@code document}, one quad a line, each ending with a line feed. The result is a
     * pure function of the document and the bundled contexts, so up to {@link #MEMO_SIZE} results are
     * kept by SHA-256 of the document: a stored badge verified again and again (its public page) is
     * canonicalised once. Rejections are not kept.
     */
    public String canonicalize(JsonObject document) throws JsonLdRejected {
        String key = digest(document.toString());
        String known = memo.getIfPresent(key);
        if (known != null) {
            return known;
        }
        String canonical = canonicalizeFresh(document);
        memo.put(key, canonical);
        return canonical;
    }

    /**
     * Canonical N-Quads of a document seen for the first time, such as one about to be signed: the same result
     * as {@link #canonicalize}, without serialising and hashing it for the memo, where thousands of new
     * credentials of a bulk award would only push out the documents that are verified again.
     */
    public String canonicalizeNew(JsonObject document) throws JsonLdRejected {
        return canonicalizeFresh(document);
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    private String canonicalizeFresh(JsonObject document) throws JsonLdRejected {
        requireBundledContexts(document, 0);
        RdfCanon canon = RdfCanon.create("SHA-256", new WorkLimit(MAX_TICKS));
        SafeModeGuard guard = new SafeModeGuard(canon);
        try {
            ActiveContext context = processedContext(document.get("@context"));
            java.util.Collection<BundledToRdf.Quad> quads =
                    context == null || fastPath == null ? null : fastPath.toRdf(context, document);
            if (quads != null) {
                fastPathRuns.increment();
                // The type-scoped contexts were processed once too; anything BundledToRdf does not do gives
                // null and takes the path below.
                for (BundledToRdf.Quad quad : quads) {
                    guard.quad(quad.subject(), quad.predicate(), quad.object(), quad.datatype(), null, null, null);
                }
            } else if (context != null) {
                // Same result as JSON-LD 1.1 Expansion §5.1.2 step 9 processing the top-level @context, which
                // was done once for these bundled URLs; processing the OB context dominates the cost otherwise.
                JsonObject body = JakartaJson.withoutContext(document);
                JsonValue expanded = Expansion.with(context, body, null, null).compute();
                ToRdfProcessor.toRdf(guard, topLevel(expanded), options);
            } else {
                JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(guard);
            }
        } catch (JsonLdError e) {
            throw translate(e, guard);
        } catch (RdfConsumerException e) {
            throw new JsonLdRejected(JsonLdRejected.Reason.INVALID, String.valueOf(e.getMessage()));
        } catch (WorkLimitExceeded e) {
            throw new JsonLdRejected(JsonLdRejected.Reason.TOO_COMPLEX, "RDFC-1.0");
        }
        if (guard.undefined != null) {
            throw new JsonLdRejected(JsonLdRejected.Reason.UNDEFINED_TERM, guard.undefined);
        }
        StringWriter out = new StringWriter();
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (IllegalStateException e) {
            throw new JsonLdRejected(JsonLdRejected.Reason.TOO_COMPLEX, "RDFC-1.0");
        } catch (RdfConsumerException e) {
            throw new JsonLdRejected(JsonLdRejected.Reason.INVALID, String.valueOf(e.getMessage()));
        }
        return out.toString();
    }

    /** The processed context for a list of bundled context URLs, or null (inline contexts are not cached). */
    private @org.jspecify.annotations.Nullable ActiveContext processedContext(
            @org.jspecify.annotations.Nullable JsonValue context) throws JsonLdError {
        if (context == null || !onlyUrls(context)) {
            return null;
        }
        ActiveContext cached = activeContexts.getIfPresent(context);
        if (cached != null) {
            return cached;
        }
        ActiveContext processed = new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext()
                .create(context, null);
        activeContexts.put(context, processed);
        return processed;
    }

    private static boolean onlyUrls(JsonValue context) {
        if (context instanceof JsonString) {
            return true;
        }
        if (context instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString)) {
                    return false;
                }
            }
            return !array.isEmpty();
        }
        return false;
    }

    /** JSON-LD 1.1 API §9.1 steps 19–21: unwrap a lone @graph, null becomes [], a single node a list. */
    private static JsonArray topLevel(JsonValue expanded) {
        JsonValue value = expanded;
        if (value instanceof JsonObject object && object.size() == 1 && object.containsKey("@graph")) {
            value = object.get("@graph");
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        return JakartaJson.arrayOf(value);
    }

    /**
     * Refuses any {@code @context} URL that is not bundled before Titanium starts, and so before any
     * loader call, with the URL in the message. Depth is bounded by the JSON parser's nesting limit.
     */
    private void requireBundledContexts(JsonValue value, int depth) throws JsonLdRejected {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if ("@context".equals(entry.getKey())) {
                    requireBundledContext(entry.getValue());
                }
                requireBundledContexts(entry.getValue(), depth + 1);
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                requireBundledContexts(item, depth + 1);
            }
        }
    }

    private void requireBundledContext(JsonValue context) throws JsonLdRejected {
        if (context instanceof JsonString url) {
            if (!contexts.contains(url.getString())) {
                throw new JsonLdRejected(JsonLdRejected.Reason.UNKNOWN_CONTEXT, url.getString());
            }
        } else if (context instanceof JsonArray array) {
            for (JsonValue item : array) {
                requireBundledContext(item);
            }
        }
    }

    private static JsonLdRejected translate(JsonLdError e, SafeModeGuard guard) {
        if (guard.limitHit) {
            return new JsonLdRejected(JsonLdRejected.Reason.TOO_COMPLEX, "RDFC-1.0");
        }
        String message = String.valueOf(e.getMessage());
        int unknown = message.indexOf(BundledContexts.UNKNOWN_PREFIX);
        if (unknown >= 0) {
            return new JsonLdRejected(JsonLdRejected.Reason.UNKNOWN_CONTEXT,
                    message.substring(unknown + BundledContexts.UNKNOWN_PREFIX.length()).strip());
        }
        JsonLdErrorCode code = e.getCode();
        if (code == JsonLdErrorCode.UNDEFINED_TERM) {
            return new JsonLdRejected(JsonLdRejected.Reason.UNDEFINED_TERM, message);
        }
        if (code == JsonLdErrorCode.PROTECTED_TERM_REDEFINITION) {
            return new JsonLdRejected(JsonLdRejected.Reason.PROTECTED_TERM_REDEFINED, message);
        }
        if (code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED || code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED) {
            return new JsonLdRejected(JsonLdRejected.Reason.UNKNOWN_CONTEXT, message);
        }
        return new JsonLdRejected(JsonLdRejected.Reason.INVALID, code + " " + message);
    }

    /** Passes quads on to the canonicaliser, noting the first that uses the issuer-dependent vocabulary. */
    private static final class SafeModeGuard implements RdfQuadConsumer {
        private final RdfCanon canon;
        @org.jspecify.annotations.Nullable String undefined;
        boolean limitHit;

        SafeModeGuard(RdfCanon canon) {
            this.canon = canon;
        }

        @Override
        public RdfQuadConsumer quad(String subject, String predicate, String object,
                                    @org.jspecify.annotations.Nullable String datatype,
                                    @org.jspecify.annotations.Nullable String language,
                                    @org.jspecify.annotations.Nullable String direction,
                                    @org.jspecify.annotations.Nullable String graph) throws RdfConsumerException {
            if (undefined == null) {
                if (predicate.startsWith(ISSUER_DEPENDENT)) {
                    undefined = predicate.substring(ISSUER_DEPENDENT.length());
                } else if (RDF_TYPE.equals(predicate) && datatype == null && object.startsWith(ISSUER_DEPENDENT)) {
                    undefined = object.substring(ISSUER_DEPENDENT.length());
                }
            }
            try {
                canon.quad(subject, predicate, object, datatype, language, direction, graph);
            } catch (WorkLimitExceeded e) {
                limitHit = true;
                throw e;
            }
            return this;
        }
    }

    private static final class WorkLimitExceeded extends IllegalStateException {
        WorkLimitExceeded() {
            super("canonicalisation work limit");
        }
    }

    private static final class WorkLimit implements RdfCanonTicker {
        private final int max;
        private int ticks;

        WorkLimit(int max) {
            this.max = max;
        }

        @Override
        public void tick() {
            if (++ticks > max) {
                throw new WorkLimitExceeded();
            }
        }
    }
}
