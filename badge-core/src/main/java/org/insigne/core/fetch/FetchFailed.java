package org.insigne.core.fetch;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A remote document could not be had. {@link Reason} tells a refusal (our rules: address, size, type) from
 * an outage (time-out, network), which a verifier reports as indeterminate rather than invalid.
 */
public final class FetchFailed extends Exception {

    public enum Reason {
        /** Not http(s), or a malformed URL. */
        UNSUPPORTED_URL,
        /** Resolves to a loopback, private, link-local or multicast address. */
        FORBIDDEN_ADDRESS,
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        UNEXPECTED_CONTENT_TYPE,
        /** The server answered with a status other than 2xx. */
        HTTP_STATUS,
        TIMEOUT,
        /** DNS, connection or TLS failure. */
        UNREACHABLE,
        /** An offline fetcher has no document for this URL. */
        NOT_FOUND
    }

    private final URI uri;
    private final Reason reason;
    private final List<Object> args;
    private final byte @Nullable [] body;

    public FetchFailed(URI uri, Reason reason, Object... args) {
        this(uri, reason, null, args);
    }

    private FetchFailed(URI uri, Reason reason, byte @Nullable [] body, Object... args) {
        super(reason + " " + uri);
        this.uri = uri;
        this.reason = reason;
        this.args = List.of(args);
        this.body = body == null ? null : body.clone();
    }

    /**
     * The same failure with the (small) body the server sent along with its error status: a revoked OB 2.0
     * assertion answers 410 Gone with {@code {"revoked": true, "revocationReason": ...}}.
     */
    public FetchFailed withBody(byte[] errorBody) {
        return new FetchFailed(uri, reason, errorBody, args.toArray());
    }

    /** The body sent with an error status, when the fetcher kept it. */
    public java.util.Optional<byte[]> body() {
        return java.util.Optional.ofNullable(body).map(byte[]::clone);
    }

    public URI uri() {
        return uri;
    }

    public Reason reason() {
        return reason;
    }

    /** Details for the message, e.g. the status code or the limit exceeded. */
    public List<Object> args() {
        return args;
    }

    /** Message key {@code fetch.failed.<reason>}, resolved by {@link org.insigne.core.verification.CheckMessages}. */
    public String messageKey() {
        return "fetch.failed." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** True when the failure says nothing about the document itself (the verdict becomes indeterminate). */
    public boolean isOutage() {
        return reason == Reason.TIMEOUT || reason == Reason.UNREACHABLE || reason == Reason.HTTP_STATUS
                && !args.isEmpty() && args.get(0) instanceof Integer status && status >= 500;
    }
}
