package org.insigne.core.did;

import java.util.List;
import java.util.Locale;

/**
 * A verification method could not be turned into a public key. {@link #isOutage()} tells a network
 * problem (verdict indeterminate) from a method that is wrong or unsupported (verdict invalid).
 */
public final class KeyNotResolved extends Exception {

    public enum Reason {
        /** Not a URI, or a scheme/DID method we do not resolve (only did:key, did:web, https). */
        UNSUPPORTED_METHOD,
        /** The document was had but holds no usable key under that id, or not for assertions. */
        NOT_FOUND,
        /** The key type is not one we verify with. */
        UNSUPPORTED_KEY,
        /** The document could not be fetched for a reason that says nothing about the credential. */
        UNREACHABLE
    }

    private final Reason reason;
    private final String method;

    public KeyNotResolved(Reason reason, String method) {
        super(reason + " " + method);
        this.reason = reason;
        this.method = method;
    }

    public Reason reason() {
        return reason;
    }

    public String method() {
        return method;
    }

    public boolean isOutage() {
        return reason == Reason.UNREACHABLE;
    }

    public String messageKey() {
        return "did.key-not-resolved." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public List<Object> args() {
        return List.of(method);
    }
}
