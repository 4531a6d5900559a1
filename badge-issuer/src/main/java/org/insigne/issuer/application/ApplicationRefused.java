package org.insigne.issuer.application;

import org.insigne.core.error.DomainException;

/**
 * An application, or an act on one, broke a rule: the key says which (closed badge class, one already open,
 * a decision already taken, a bad file or link, ...), in the reader's language.
 */
public final class ApplicationRefused extends DomainException {

    private final String field;

    public ApplicationRefused(Kind kind, String reason, Object... args) {
        super(kind, "error.application." + reason, args);
        this.field = "";
    }

    private ApplicationRefused(String field, String reason, Object[] args) {
        super(Kind.INVALID, "error.application." + reason, args);
        this.field = field;
    }

    static ApplicationRefused invalid(String field, String reason, Object... args) {
        return new ApplicationRefused(field, reason, args);
    }

    /** The form field the refusal is about, empty when it is about the whole application. */
    public String field() {
        return field;
    }
}
