package org.insigne.core.signing;

import java.util.List;
import java.util.Objects;

/**
 * A compact JWS was refused before or during signature checking. {@link Reason} tells why; {@link
 * #messageKey()} gives the text to show ({@code signing.jws.<reason>}).
 */
public final class JwsRejected extends Exception {

    public enum Reason {
        /** Not three base64url parts. */
        MALFORMED,
        /** Five parts: an encrypted JWE, which OB 2.0 does not use. */
        ENCRYPTED,
        /** Larger than the cap (2 MB). */
        TOO_LARGE,
        /** {@code alg: none} or an empty signature (hostile-inputs S1). */
        UNSIGNED,
        /** An HMAC algorithm: a public key would serve as the secret (S2). */
        SYMMETRIC_ALGORITHM,
        /** Not an RSA or ECDSA algorithm this verifier supports. */
        UNSUPPORTED_ALGORITHM,
        /** A header that brings its own key or key location, {@code jwk}, {@code jku}, {@code x5u}, {@code x5c} (S3). */
        EMBEDDED_KEY,
        /** A nested token ({@code cty: JWT}), a {@code crit} or an unencoded payload ({@code b64: false}). */
        UNSUPPORTED_HEADER,
        /** The signature does not match the payload and key. */
        BAD_SIGNATURE
    }

    private final Reason reason;
    private final List<Object> args;

    public JwsRejected(Reason reason, Object... args) {
        super(reason.name());
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    public List<Object> args() {
        return args;
    }

    public String messageKey() {
        return "signing.jws." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
