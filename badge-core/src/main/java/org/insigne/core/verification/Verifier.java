package org.insigne.core.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingFailed;
import org.insigne.core.baking.ImageFormat;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.ob2.Ob2Contexts;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.core.ob2.Ob2ParseFailed;
import org.insigne.core.ob2.Ob2Verifier;
import org.insigne.core.signing.CompactJws;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The one entry point for verifying any badge: works out what the input is (baked image, JSON, compact
 * JWS/JWT, URL), whether it is an Open Badges 2.0 assertion or a 3.0 credential, and hands it to the
 * verifier for that version. Never throws on bad input: anything unrecognised is an invalid report with
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
    private static final Set<String> OB2_TYPES = Set.of("Assertion", "BadgeClass", "Issuer", "Profile",
            "Endorsement", "CryptographicKey", "RevocationList", "AlignmentObject");

    private final DocumentFetcher fetcher;
    private final Baker baker;
    private final Ob2Verifier ob2;

    public Verifier(DocumentFetcher fetcher, Baker baker, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.baker = Objects.requireNonNull(baker, "baker");
        this.ob2 = new Ob2Verifier(fetcher, clock);
    }

    public VerificationReport verify(VerificationRequest request) {
        Objects.requireNonNull(request, "request");
        String recipient = request.recipient();
        VerificationRequest.Input input = request.input();
        if (input instanceof VerificationRequest.File file) {
            return verifyBytes(file.bytes(), recipient);
        }
        if (input instanceof VerificationRequest.Url url) {
            return verifyUrl(url.url().strip(), recipient);
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
            if (text.startsWith("{") || text.startsWith("[") || CompactJws.looksCompact(text) || looksLikeUrl(text)) {
                return verifyText(text, recipient);
            }
        }
        BakedPayload payload;
        try {
            payload = baker.unbake(bytes);
        } catch (BakingFailed failed) {
            if (failed.reason() == BakingFailed.Reason.NO_BADGE || failed.reason() == BakingFailed.Reason.UNKNOWN_FORMAT) {
                return unrecognised();
            }
            return single(Spec.UNKNOWN, Verdict.INVALID,
                    Check.failed(INPUT_IMAGE, failed.messageKey(), failed.args().toArray()));
        }
        if (payload.kind() == PayloadKind.OB3_CREDENTIAL) {
            return verifyOb3(payload.text(), recipient);
        }
        // OB 2.0 baked payloads: assertion JSON, a compact JWS, or (legacy tEXt / SVG verify only) a URL.
        return ob2.verifyBaked(payload.text(), payload.verifyAttribute(), recipient);
    }

    private VerificationReport verifyText(String input, @Nullable String recipient) {
        String text = stripBom(input).strip();
        if (text.isEmpty()) {
            return unrecognised();
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            JsonNode json;
            try {
                json = Ob2Json.parse(text);
            } catch (Ob2ParseFailed unreadable) {
                return single(Spec.UNKNOWN, Verdict.INVALID,
                        Check.failed(INPUT_PARSE, unreadable.messageKey(), unreadable.args().toArray()));
            }
            return switch (classify(json)) {
                case OB2 -> ob2.verify(text, recipient);
                case OB3 -> verifyOb3(text, recipient);
                case UNKNOWN -> unrecognised();
            };
        }
        if (CompactJws.looksCompact(text)) {
            return jwsKind(text) == Kind.OB3 ? verifyOb3(text, recipient) : ob2.verify(text, recipient);
        }
        if (looksLikeUrl(text)) {
            return verifyUrl(text, recipient);
        }
        return unrecognised();
    }

    private VerificationReport verifyUrl(String text, @Nullable String recipient) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException bad) {
            return unrecognised();
        }
        if (!looksLikeUrl(text) || url.getHost() == null) {
            return unrecognised();
        }
        FetchedDocument document;
        try {
            document = fetcher.fetch(url, DocumentFetcher.Expect.JSON);
        } catch (FetchFailed failed) {
            boolean gone = failed.reason() == FetchFailed.Reason.HTTP_STATUS && !failed.args().isEmpty()
                    && Integer.valueOf(410).equals(failed.args().get(0));
            if (gone) {
                // Hosted OB 2.0 assertions are revoked by answering 410 Gone (ob_v2p0 "Hosted verification").
                return ob2.verifyUrl(url, recipient);
            }
            boolean outage = failed.isOutage() || failed.reason() == FetchFailed.Reason.NOT_FOUND;
            Object[] args = failed.args().isEmpty() ? new Object[] {url.toString()} : failed.args().toArray();
            Check check = outage ? Check.skipped(INPUT_FETCH, failed.messageKey(), args)
                    : Check.failed(INPUT_FETCH, failed.messageKey(), args);
            return single(Spec.UNKNOWN, outage ? Verdict.INDETERMINATE : Verdict.INVALID, check);
        }
        String body = stripBom(document.bodyAsString()).strip();
        Kind kind;
        if (CompactJws.looksCompact(body)) {
            kind = jwsKind(body);
        } else {
            try {
                kind = classify(Ob2Json.parse(document.body()));
            } catch (Ob2ParseFailed unreadable) {
                return single(Spec.UNKNOWN, Verdict.INVALID,
                        Check.failed(INPUT_PARSE, unreadable.messageKey(), unreadable.args().toArray()));
            }
        }
        return switch (kind) {
            case OB2 -> ob2.verifyFetched(document, recipient);
            case OB3 -> verifyOb3(body, recipient);
            case UNKNOWN -> unrecognised();
        };
    }

    /**
     * Open Badges 3.0 credentials (VC contexts, {@code openbadgecredential} baked payloads, VC-JWTs). The OB 3.0
     * verifier plugs in here; until then the answer is indeterminate, never valid.
     */
    VerificationReport verifyOb3(String credential, @Nullable String recipient) {
        return single(Spec.OB3, Verdict.INDETERMINATE, Check.skipped(OB3_UNSUPPORTED, "ob3.unsupported"));
    }

    private static Kind classify(JsonNode json) {
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
        Ob2Contexts.Status status = Ob2Contexts.of(json);
        if (status == Ob2Contexts.Status.OB2 || status == Ob2Contexts.Status.OB1) {
            return Kind.OB2;
        }
        if (types.stream().anyMatch(OB2_TYPES::contains)
                || json.get("recipient") != null && json.get("badge") != null) {
            return Kind.OB2;
        }
        return Kind.UNKNOWN;
    }

    /** A VC-JWT carries the credential under {@code vc} or is a credential itself; else an OB 2.0 JWS. */
    private static Kind jwsKind(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Kind.OB2;
        }
        try {
            JsonNode payload = Ob2Json.parse(Base64.getUrlDecoder().decode(parts[1]));
            if (payload.isObject() && payload.has("vc")) {
                return Kind.OB3;
            }
            return classify(payload) == Kind.OB3 ? Kind.OB3 : Kind.OB2;
        } catch (IllegalArgumentException | Ob2ParseFailed unreadable) {
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

    private static boolean looksLikeUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://"))
                && text.chars().noneMatch(Character::isWhitespace);
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
