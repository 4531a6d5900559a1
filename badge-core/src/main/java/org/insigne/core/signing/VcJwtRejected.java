package org.insigne.core.signing;

import org.insigne.core.error.InputRejected;

/**
 * A compact token that is refused before any key is looked up (HOSTILE S1–S4). Message key
 * {@code vcjwt.rejected.<reason>}.
 */
public final class VcJwtRejected extends InputRejected {

    public enum Reason {
        /** Not three base64url parts of JSON objects, or no credential inside. */
        MALFORMED,
        /** A JWE (five parts) instead of a signed token. */
        ENCRYPTED,
        /** {@code none}, {@code HS*} or any algorithm other than EdDSA, ES256 and RS256. */
        ALGORITHM_REFUSED,
        /** A {@code crit} header, or a {@code jwk} header holding a private key. */
        HEADER_REFUSED,
        TOO_LARGE
    }

    private final Reason reason;

    public VcJwtRejected(Reason reason, String detail) {
        super("vcjwt.rejected.", reason, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
