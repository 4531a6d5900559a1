package org.insigne.core.error;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Outside input refused by a reader before it could mean anything (a JSON-LD document, a compact token...):
 * not a business rule saying no, but a check that fails. The message key is the reader's prefix followed by
 * the reason in kebab case ({@code jsonld.rejected.unknown-context}); its one argument is the detail the
 * rejection is about (a URL, a term, a library message).
 */
public abstract class InputRejected extends Exception {

    private final String messageKey;
    private final String detail;

    /** {@code keyPrefix} ends with its dot ({@code "jsonld.rejected."}). */
    protected InputRejected(String keyPrefix, Enum<?> reason, String detail) {
        super(reason + ": " + detail);
        this.messageKey = keyPrefix + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public String messageKey() {
        return messageKey;
    }

    /** The URL, term or library message the rejection is about. */
    public String detail() {
        return detail;
    }

    public List<Object> args() {
        return List.of(detail);
    }
}
