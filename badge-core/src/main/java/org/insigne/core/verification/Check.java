package org.insigne.core.verification;

import java.util.List;
import java.util.Objects;

/**
 * One step of a verification: a stable {@code id} clients may switch on (e.g. {@code ob2.signature}), its
 * status, and a message key with arguments resolved by {@link CheckMessages} in the reader's language.
 */
public record Check(String id, CheckStatus status, String messageKey, List<Object> args) {

    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    public static Check passed(String id, String messageKey, Object... args) {
        return new Check(id, CheckStatus.PASSED, messageKey, List.of(args));
    }

    public static Check failed(String id, String messageKey, Object... args) {
        return new Check(id, CheckStatus.FAILED, messageKey, List.of(args));
    }

    public static Check warning(String id, String messageKey, Object... args) {
        return new Check(id, CheckStatus.WARNING, messageKey, List.of(args));
    }

    public static Check skipped(String id, String messageKey, Object... args) {
        return new Check(id, CheckStatus.SKIPPED, messageKey, List.of(args));
    }
}
