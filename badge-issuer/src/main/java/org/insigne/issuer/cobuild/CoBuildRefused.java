package org.insigne.issuer.cobuild;

import org.insigne.core.error.DomainException;

/**
 * A co-construction step could not be done: the key says why (a field missing or too long, a link unknown,
 * expired or already used, a step out of order), in the reader's language.
 */
public final class CoBuildRefused extends DomainException {

    private final String reason;

    public CoBuildRefused(Kind kind, String reason, Object... args) {
        super(kind, "error.cobuild." + reason, args);
        this.reason = reason;
    }

    /** What was refused, as named in the message key: a form shows the message beside that field. */
    public String reason() {
        return reason;
    }
}
