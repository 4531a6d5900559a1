package org.insigne.core.signing;

/** A public key document could not be used: not PEM, or not an RSA/EC key. */
public final class KeyRejected extends Exception {

    private final String messageKey;

    public KeyRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** Key in {@code org/insigne/core/ob2/messages}. */
    public String messageKey() {
        return messageKey;
    }
}
