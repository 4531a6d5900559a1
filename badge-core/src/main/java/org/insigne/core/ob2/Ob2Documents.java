package org.insigne.core.ob2;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

import org.insigne.core.fetch.DocumentFetcher;
import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.FetchedDocument;
import org.insigne.core.jsonld.BoundedJson;
import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.JsonNode;

/**
 * Fetches the documents OB 2.0 verification needs (badge classes, issuers, keys, revocation lists,
 * endorsements) and keeps the parsed form of the most recent ones: the same issuer, badge class and key come
 * back in every verification of an issuer's badges, and parsing them again was a sizeable share of its cost.
 * A cached tree is reused only when the fetched bytes are the same. Thread-safe; shared by all verifications.
 */
final class Ob2Documents {

    private static final int PARSED_CACHE_SIZE = 512;

    /** The outcome of fetching and parsing one JSON document. */
    record Loaded(@Nullable JsonNode tree, @Nullable FetchFailed failure, @Nullable Ob2ParseFailed unreadable,
                  @Nullable URI finalUri) {

        static final Loaded NOT_FETCHED = new Loaded(null, null, null, null);

        /** Unreachable (or absent) rather than refused: the verdict becomes indeterminate, not invalid. */
        boolean isOutage() {
            return failure != null && (failure.isOutage() || failure.reason() == FetchFailed.Reason.NOT_FOUND);
        }
    }

    private record Parsed(byte[] body, JsonNode tree) {
    }

    private final DocumentFetcher fetcher;
    private final Cache<URI, Parsed> parsed = Caffeine.newBuilder().maximumSize(PARSED_CACHE_SIZE)
            .executor(Runnable::run).build();

    Ob2Documents(DocumentFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** The document at the address the user gave (or baked), unparsed: it may be a JWS. */
    FetchedDocument fetch(URI url) throws FetchFailed {
        return fetcher.fetch(url, DocumentFetcher.Expect.JSON);
    }

    Loaded load(URI id) {
        try {
            FetchedDocument document = fetcher.fetch(id, DocumentFetcher.Expect.JSON);
            return new Loaded(parse(id, document.body()), null, null, document.finalUri());
        } catch (FetchFailed failed) {
            return new Loaded(null, failed, null, null);
        } catch (Ob2ParseFailed unreadable) {
            return new Loaded(null, null, unreadable, null);
        }
    }

    private JsonNode parse(URI id, byte[] body) throws Ob2ParseFailed {
        Parsed hit = parsed.getIfPresent(id);
        if (hit != null && Arrays.equals(hit.body(), body)) {
            return hit.tree();
        }
        JsonNode tree = Ob2Json.parse(body);
        parsed.put(id, new Parsed(body, tree));
        return tree;
    }

    /** The fetcher's own message arguments (e.g. status then address), or just the address. */
    static Object[] fetchArgs(FetchFailed failure, URI id) {
        return failure.args().isEmpty() ? new Object[] {id.toString()} : failure.args().toArray();
    }

    static boolean isGone(FetchFailed failed) {
        return failed.reason() == FetchFailed.Reason.HTTP_STATUS && !failed.args().isEmpty()
                && Integer.valueOf(410).equals(failed.args().get(0));
    }

    /**
     * The {@code revocationReason} of a 410 body, when the host sent one in JSON: OB 2.0 §"Revocation" lets a
     * hosted assertion that was revoked answer {@code {"revoked": true, "revocationReason": ...}}, and Gone is
     * how many hosts (Insigne among them) answer.
     */
    static @Nullable String goneReason(FetchFailed failed) {
        return failed.body().map(body -> {
            try {
                JsonNode reason = BoundedJson.readObject(body).get("revocationReason");
                return reason != null && reason.isString() && !reason.asString().isBlank()
                        ? reason.asString().strip() : null;
            } catch (BoundedJson.JsonUnreadable notJson) {
                return null;
            }
        }).orElse(null);
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
    }

    static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }
}
