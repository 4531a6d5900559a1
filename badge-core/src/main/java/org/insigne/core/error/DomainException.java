package org.insigne.core.error;

import java.util.List;

/**
 * A business rule said no. It carries what kind of refusal it is, a message key and its arguments; the web
 * layer turns the kind into an HTTP status and the key into text in the reader's language.
 */
public abstract class DomainException extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, GONE }

    private final Kind kind;
    private final String messageKey;
    private final List<Object> args;

    protected DomainException(Kind kind, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> args() {
        return args;
    }
}
