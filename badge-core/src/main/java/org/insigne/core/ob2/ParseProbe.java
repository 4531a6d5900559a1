package org.insigne.core.ob2;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.signing.CompactJws;
import org.insigne.core.signing.JwsRejected;
import org.insigne.core.verification.Check;
import org.insigne.core.verification.Payload;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * {@code ob2.parse}: reads the payload into a JSON document, fetching an address and opening a JWS as
 * needed. An assertion goes on to the next probes; any other OB 2.0 document (badge class, profile,
 * endorsement...) is checked for what it is by {@link OtherDocuments}, and verification stops there.
 */
final class ParseProbe implements Ob2Probe {

    private final OtherDocuments others;

    ParseProbe(OtherDocuments others) {
        this.others = others;
    }

    @Override
    public boolean run(Ob2Context context) {
        JsonNode json = read(context, context.payload());
        return json != null && document(context, json);
    }

    private @Nullable JsonNode read(Ob2Context context, Payload payload) {
        if (payload instanceof Payload.Json json) {
            if (json.source() instanceof Payload.Fetched fetched) {
                fetchedFrom(context, fetched.document());
                return parse(context, fetched.document().body());
            }
            return given(context, json.text(),
                    json.source() instanceof Payload.Baked baked ? baked.verifyAttribute() : null);
        }
        if (payload instanceof Payload.CompactToken token) {
            if (token.source() instanceof Payload.Fetched fetched) {
                fetchedFrom(context, fetched.document());
            }
            return fromJws(context, token.text());
        }
        if (payload instanceof Payload.Address address) {
            return fromUrl(context, address.url());
        }
        String text = ((Payload.Unrecognised) payload).text();
        context.fail(Ob2Verifier.PARSE, text.isEmpty() ? "ob2.parse.empty" : "ob2.parse.unrecognised");
        return null;
    }

    /**
     * Pasted, uploaded or baked JSON. {@code verifyUrl} is the SVG {@code verify} attribute of a baked image:
     * when the baked JSON neither says how to verify it nor names itself, the issuer's copy at that address wins.
     */
    private @Nullable JsonNode given(Ob2Context context, String text, @Nullable String verifyUrl) {
        JsonNode json = parse(context, text.getBytes(StandardCharsets.UTF_8));
        if (json != null && verifyUrl != null && !verifyUrl.isBlank() && Ob2Reader.verificationNode(json) == null
                && json.get("id") == null) {
            URI url = Fields.safeUri(verifyUrl);
            if (url != null) {
                return fromUrl(context, url);
            }
        }
        return json;
    }

    private @Nullable JsonNode fromUrl(Ob2Context context, URI url) {
        context.origin(Ob2Context.Origin.URL);
        if (!Ob2Documents.isHttp(url)) {
            context.fail(Ob2Verifier.PARSE, "ob2.parse.unrecognised");
            return null;
        }
        FetchedDocument fetched;
        try {
            fetched = context.documents().fetch(url);
        } catch (FetchFailed failed) {
            if (Ob2Documents.isGone(failed)) {
                JsonNode revoked = revokedAssertion(failed);
                if (revoked != null) {
                    // The host still shows what it revoked: verified in full, the badge reads as revoked
                    // with its facts, as the same badge given as a file does.
                    context.fetchedFrom(url);
                    context.revokedByHost(Ob2Documents.goneReason(failed));
                    return revoked;
                }
                context.add(Check.passed(Ob2Verifier.PARSE, "ob2.parse.url", url.toString()));
                String reason = Ob2Documents.goneReason(failed);
                context.add(reason == null
                        ? Check.failed(Ob2Verifier.REVOCATION, "ob2.revocation.gone", url.toString())
                        : Check.failed(Ob2Verifier.REVOCATION, "ob2.revocation.gone-reason", url.toString(), reason));
                return null;
            }
            context.unreachable(Ob2Verifier.PARSE, failed);
            return null;
        }
        context.fetchedFrom(url);
        // What an address serves is ours to read: a hosted assertion, or a signed one as a JWS.
        String body = fetched.bodyAsString().strip();
        return CompactJws.looksCompact(body) ? fromJws(context, body) : parse(context, fetched.body());
    }

    /**
     * The body of a 410 Gone when it is a whole assertion (recipient and badge) rather than only
     * {@code {"revoked": true}}, which ob_v2p0 allows both of.
     */
    private static @Nullable JsonNode revokedAssertion(FetchFailed gone) {
        byte[] body = gone.body().orElse(null);
        if (body == null) {
            return null;
        }
        try {
            JsonNode json = Ob2Json.parseObject(body);
            return json.get("recipient") != null && json.get("badge") != null ? json : null;
        } catch (Ob2ParseFailed notAnAssertion) {
            return null;
        }
    }

    private static void fetchedFrom(Ob2Context context, FetchedDocument document) {
        context.origin(Ob2Context.Origin.URL);
        context.fetchedFrom(document.requested());
    }

    private @Nullable JsonNode fromJws(Ob2Context context, String compact) {
        context.origin(Ob2Context.Origin.JWS);
        CompactJws token;
        try {
            token = CompactJws.parse(compact);
        } catch (JwsRejected rejected) {
            switch (rejected.reason()) {
                case MALFORMED, ENCRYPTED, TOO_LARGE ->
                        context.fail(Ob2Verifier.PARSE, rejected.messageKey(), rejected.args().toArray());
                default -> {
                    context.add(Check.passed(Ob2Verifier.PARSE, "ob2.parse.jws"));
                    context.fail(Ob2Verifier.SIGNATURE, rejected.messageKey(), rejected.args().toArray());
                }
            }
            return null;
        }
        JsonNode json = parse(context, token.payload());
        if (json != null) {
            context.jws(token);
        }
        return json;
    }

    private static @Nullable JsonNode parse(Ob2Context context, byte[] bytes) {
        try {
            return Ob2Json.parseObject(bytes);
        } catch (Ob2ParseFailed unreadable) {
            context.fail(Ob2Verifier.PARSE, unreadable.messageKey(), unreadable.args().toArray());
            return null;
        }
    }

    /** An assertion is verified in full by the next probes; other documents are only checked. */
    private boolean document(Ob2Context context, JsonNode json) {
        List<String> types = Ob2Context.rawTypes(json);
        boolean assertionShaped = json.get("recipient") != null && json.get("badge") != null;
        if (types.contains("Assertion") || types.isEmpty() && assertionShaped && json.get("type") == null) {
            URI from = context.fetchedFrom();
            context.add(Check.passed(Ob2Verifier.PARSE, context.parseKey(), from == null ? "" : from.toString()));
            context.given(json);
            return true;
        }
        others.check(context, json, types);
        return false;
    }
}
