package org.insigne.backpack.badge;

/** Whether the badge names its owner. */
public enum RecipientStatus {
    /** The badge was awarded to the owner's confirmed e-mail address. */
    MATCHED,
    /**
     * The badge names no e-mail address (an Open Badges 3.0 credential issued to a DID, say): nothing ties it
     * to the owner, which the pages say.
     */
    NOT_LINKED,
    /**
     * The badge names an e-mail address that is none of the owner's confirmed ones: kept, since it may be an
     * address of theirs they have not confirmed here yet, but never shown as theirs nor made public until a
     * verification for a confirmed address of theirs passes the recipient check.
     */
    NOT_CONFIRMED
}
