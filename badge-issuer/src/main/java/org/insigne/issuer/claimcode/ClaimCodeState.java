package org.insigne.issuer.claimcode;

/** Where a code stands at a given moment; the refusal key of each state but {@link #ACTIVE} is its name. */
public enum ClaimCodeState {
    ACTIVE("active"),
    NOT_YET_VALID("not-yet-valid"),
    EXPIRED("expired"),
    USED_UP("used-up"),
    CLOSED("closed");

    private final String key;

    ClaimCodeState(String key) {
        this.key = key;
    }

    /** The part of message keys that names this state. */
    public String key() {
        return key;
    }
}
