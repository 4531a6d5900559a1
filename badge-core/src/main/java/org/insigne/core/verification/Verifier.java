package org.insigne.core.verification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.signing.CompactJws;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one entry point for verifying any badge: works out what the input is (baked image, JSON, compact
 * JWS/JWT, URL), whether it is an Open Badges 2.0 assertion or a 3.0 credential, and hands it as a
 * {@link Payload} to the verifier for that version; nothing after it classifies the input again. Never throws on bad input: anything unrecognised is an invalid report with
 * check {@code input.unrecognised}.
 */
public final class Verifier {

    public static final String UNRECOGNISED = "input.unrecognised";
    public static final String INPUT_PARSE = "input.parse";
    public static final String INPUT_FETCH = "input.fetch";
    public static final String INPUT_IMAGE = "input.image";
    public static final String OB3_UNSUPPORTED = "ob3.unsupported";

    private static final Set<String> VC_CONTEXTS = Set.of("https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/2018/credentials/v1");
    private static final Set<String> OB3_TYPES = Set.of("VerifiableCredential", "OpenBadgeCredential",
            "AchievementCredential", "EndorsementCredential");
    /** Same bounds as every badge document: 2 MB, 64 levels (hostile-inputs S4). */
    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxDocumentLength(MAX_BYTES).maxStringLength(MAX_BYTES)
                            .build())
                    .build())
            .build();

    private static final Payload.Source GIVEN = new Payload.Given();

    private final DocumentFetcher fetcher;
    private final Baker baker;
    private final Clock clock;
    private final List<SpecVerifier.Provider> preferred;
    private final @Nullable SpecVerifier ob2;
    private final @Nullable SpecVerifier ob3;

    /**
     * Builds the verifiers of every specification registered as a {@link SpecVerifier.Provider}; all share
     * this fetcher (its bounds and address rules apply to every remote document) and clock.
     */
    public Verifier(DocumentFetcher fetcher, Baker baker, Clock clock) {
        this(fetcher, baker, clock, List.of());
    }

    /**
     * As {@link #Verifier(DocumentFetcher, Baker, Clock)}, but {@code preferred} providers (configured ones, say
     * a stricter OB 3.0 status list policy) create the verifiers of their specifications instead of the
     * registered ones; the other specifications keep theirs.
     */
    public Verifier(DocumentFetcher fetcher, Baker baker, Clock clock, List<SpecVerifier.Provider> preferred) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.baker = Objects.requireNonNull(baker, "baker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.preferred = List.copyOf(preferred);
        java.util.Map<Spec, SpecVerifier> verifiers = new java.util.EnumMap<>(Spec.class);
        for (SpecVerifier.Provider provider : preferred) {
            verifiers.putIfAbsent(provider.spec(), provider.create(fetcher, clock));
        }
        for (SpecVerifier.Provider provider : java.util.ServiceLoader.load(SpecVerifier.Provider.class,
                Verifier.class.getClassLoader())) {
            verifiers.putIfAbsent(provider.spec(), provider.create(fetcher, clock));
        }
        this.ob2 = verifiers.get(Spec.OB2);
        this.ob3 = verifiers.get(Spec.OB3);
    }

    /**
     * This verifier with its fetcher wrapped by {@code wrap}: same baker, clock and specification verifiers,
     * for a caller that must put a fetcher of its own in front of the configured one (an application that
     * reads its own documents for the address a request came to).
     */
    public Verifier fetchingThrough(UnaryOperator<DocumentFetcher> wrap) {
        return new Verifier(wrap.apply(fetcher), baker, clock, preferred);
    }

    public VerificationReport verify(VerificationRequest request) {
        Objects.requireNonNull(request, "request");
        String recipient = request.recipient();
        VerificationRequest.Input input = request.input();
        if (input instanceof VerificationRequest.File file) {
            return verifyBytes(file.bytes(), recipient);
        }
        if (input instanceof VerificationRequest.Url url) {
            URI address = Payload.httpUrl(url.url().strip());
            return address == null ? unrecognised() : verifyUrl(address, recipient);
        }
        return verifyText(((VerificationRequest.Text) input).text(), recipient);
    }

    /** What a piece of text turned out to be. */
    private enum Kind { OB2, OB3, UNKNOWN }

    private VerificationReport verifyBytes(byte[] bytes, @Nullable String recipient) {
        if (bytes.length == 0) {
            return unrecognised();
        }
        if (ImageFormat.sniff(bytes).isEmpty() && isUtf8Text(bytes)) {
            String text = stripBom(new String(bytes, StandardCharsets.UTF_8)).strip();
            Payload payload = Payload.of(text, GIVEN);
            if (!(payload instanceof Payload.Unrecognised)) {
                return verifyGiven(payload, recipient);
            }
        }
        BakedPayload baked;
        try {
            baked = baker.unbake(bytes);
        } catch (BakingFailed failed) {
            if (failed.reason() == BakingFailed.Reason.NO_BADGE || failed.reason() == BakingFailed.Reason.UNKNOWN_FORMAT) {
                return unrecognised();
            }
            return single(Spec.UNKNOWN, Verdict.INVALID,
                    Check.failed(INPUT_IMAGE, failed.messageKey(), failed.args().toArray()));
        }
        String text = baked.text().strip();
        Payload.Source source = new Payload.Baked(baked.verifyAttribute());
        if (baked.kind() == PayloadKind.OB3_CREDENTIAL) {
            // OB 3.0 bakes JSON or a VC-JWT (docformat.md); anything else is reported as an unreadable token.
            return verifyOb3(text.startsWith("{") ? new Payload.Json(text, source)
                    : new Payload.CompactToken(text, source), recipient);
        }
        // OB 2.0 baked payloads: assertion JSON, a compact JWS, or (legacy tEXt / SVG verify only) a URL.
        return ob2 == null ? unrecognised() : ob2.verify(Payload.of(text, source), recipient);
    }

    private VerificationReport verifyText(String input, @Nullable String recipient) {
        return verifyGiven(Payload.of(stripBom(input).strip(), GIVEN), recipient);
    }

    /** Pasted or uploaded text, already told apart: which specification it follows decides who verifies it. */
    private VerificationReport verifyGiven(Payload payload, @Nullable String recipient) {
        if (payload instanceof Payload.Json json) {
            Kind kind;
            try {
                kind = classify(parse(json.text().getBytes(StandardCharsets.UTF_8)));
            } catch (Unreadable unreadable) {
                return single(Spec.UNKNOWN, Verdict.INVALID, Check.failed(INPUT_PARSE, unreadable.key));
            }
            return verify(kind, payload, recipient);
        }
        if (payload instanceof Payload.CompactToken token) {
            return verify(jwsKind(token.text()), payload, recipient);
        }
        if (payload instanceof Payload.Address address) {
            return verifyUrl(address.url(), recipient);
        }
        return unrecognised();
    }

    private VerificationReport verifyUrl(URI url, @Nullable String recipient) {
        return verifyUrl(url, recipient, true);
    }

    /**
     * {@code followPage}: when the address serves an HTML page (a badge's public page), the badge it names in
     * {@code <link rel="alternate" type="application/ld+json">} is verified instead, once: its address is fetched
     * by the same fetcher, under the same rules, and a page it leads to is not followed again.
     */
    private VerificationReport verifyUrl(URI url, @Nullable String recipient, boolean followPage) {
        FetchedDocument document;
        try {
            document = fetcher.fetch(url, DocumentFetcher.Expect.JSON);
        } catch (FetchFailed failed) {
            URI alternate = followPage && servesHtml(failed) ? AlternateLinks.find(page(url)) : null;
            if (alternate != null) {
                return verifyUrl(alternate, recipient, false);
            }
            boolean gone = failed.reason() == FetchFailed.Reason.HTTP_STATUS && !failed.args().isEmpty()
                    && Integer.valueOf(410).equals(failed.args().get(0));
            if (gone) {
                // Hosted OB 2.0 assertions are revoked by answering 410 Gone (ob_v2p0 "Hosted verification").
                return ob2 == null ? unrecognised() : ob2.verify(new Payload.Address(url), recipient);
            }
            boolean outage = failed.isOutage() || failed.reason() == FetchFailed.Reason.NOT_FOUND;
            Object[] args = failed.args().isEmpty() ? new Object[] {url.toString()} : failed.args().toArray();
            Check check = outage ? Check.skipped(INPUT_FETCH, failed.messageKey(), args)
                    : Check.failed(INPUT_FETCH, failed.messageKey(), args);
            return single(Spec.UNKNOWN, outage ? Verdict.INDETERMINATE : Verdict.INVALID, check);
        }
        String body = stripBom(document.bodyAsString()).strip();
        Payload.Source source = new Payload.Fetched(document);
        if (CompactJws.looksCompact(body)) {
            return verify(jwsKind(body), new Payload.CompactToken(body, source), recipient);
        }
        try {
            return verify(classify(parse(document.body())), new Payload.Json(body, source), recipient);
        } catch (Unreadable unreadable) {
            return single(Spec.UNKNOWN, Verdict.INVALID, Check.failed(INPUT_PARSE, unreadable.key));
        }
    }

    private static boolean servesHtml(FetchFailed failed) {
        return failed.reason() == FetchFailed.Reason.UNEXPECTED_CONTENT_TYPE
                && failed.args().stream().anyMatch(a -> String.valueOf(a).startsWith("text/html")
                        || String.valueOf(a).startsWith("application/xhtml+xml"));
    }

    /** The HTML page at {@code url}, or null when it cannot be had; any failure is the original one's. */
    private AlternateLinks.@Nullable Page page(URI url) {
        try {
            FetchedDocument html = fetcher.fetch(url, DocumentFetcher.Expect.ANY);
            return new AlternateLinks.Page(html.finalUri(), html.bodyAsString());
        } catch (FetchFailed unreachable) {
            return null;
        }
    }

    private VerificationReport verify(Kind kind, Payload payload, @Nullable String recipient) {
        return switch (kind) {
            case OB2 -> ob2 == null ? unrecognised() : ob2.verify(payload, recipient);
            case OB3 -> verifyOb3(payload, recipient);
            case UNKNOWN -> unrecognised();
        };
    }

    /**
     * Open Badges 3.0 credentials (VC contexts, {@code openbadgecredential} baked payloads, VC-JWTs). The OB 3.0
     * verifier plugs in here; until then the answer is indeterminate, never valid.
     */
    private VerificationReport verifyOb3(Payload credential, @Nullable String recipient) {
        if (ob3 != null) {
            return ob3.verify(credential, recipient);
        }
        return single(Spec.OB3, Verdict.INDETERMINATE, Check.skipped(OB3_UNSUPPORTED, "ob3.unsupported"));
    }

    /** Thrown by {@link #parse}: the message key says why the text is not readable JSON. */
    private static final class Unreadable extends Exception {
        private final String key;

        Unreadable(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    private static JsonNode parse(byte[] bytes) throws Unreadable {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("input.too-large");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new Unreadable("input.malformed-json");
            }
            return node;
        } catch (StreamConstraintsException tooMuch) {
            throw new Unreadable(String.valueOf(tooMuch.getMessage()).contains("depth") ? "input.too-deep"
                    : "input.too-large");
        } catch (JacksonException malformed) {
            throw new Unreadable("input.malformed-json");
        }
    }

    private Kind classify(JsonNode json) {
        if (!json.isObject()) {
            return Kind.UNKNOWN;
        }
        JsonNode context = json.get("@context");
        if (context != null) {
            List<JsonNode> items = context.isArray() ? toList(context) : List.of(context);
            for (JsonNode item : items) {
                if (item.isString() && VC_CONTEXTS.contains(item.stringValue().strip())) {
                    return Kind.OB3;
                }
            }
        }
        List<String> types = types(json);
        if (types.stream().anyMatch(OB3_TYPES::contains)) {
            return Kind.OB3;
        }
        return ob2 != null && ob2.recognises(json) ? Kind.OB2 : Kind.UNKNOWN;
    }

    /** A VC-JWT carries the credential under {@code vc} or is a credential itself; else an OB 2.0 JWS. */
    private Kind jwsKind(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Kind.OB2;
        }
        try {
            JsonNode payload = parse(Base64.getUrlDecoder().decode(parts[1]));
            if (payload.isObject() && payload.has("vc")) {
                return Kind.OB3;
            }
            return classify(payload) == Kind.OB3 ? Kind.OB3 : Kind.OB2;
        } catch (IllegalArgumentException | Unreadable unreadable) {
            // Let the OB 2.0 path report why the token cannot be read.
            return Kind.OB2;
        }
    }

    private static List<String> types(JsonNode json) {
        JsonNode type = json.get("type");
        if (type == null) {
            return List.of();
        }
        return (type.isArray() ? toList(type) : List.of(type)).stream()
                .filter(JsonNode::isString).map(JsonNode::stringValue).toList();
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static boolean isUtf8Text(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (java.nio.charset.CharacterCodingException binary) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static VerificationReport unrecognised() {
        return single(Spec.UNKNOWN, Verdict.INVALID, Check.failed(UNRECOGNISED, "input.unrecognised"));
    }

    private static VerificationReport single(Spec spec, Verdict verdict, Check check) {
        return new VerificationReport(spec, verdict, List.of(check), null);
    }
}
