package org.insigne.issuer.bulk;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why one row of a file is not, or was not, awarded: a message key {@code bulk.row.error.<code>} and, for some,
 * one argument (the line a duplicate repeats).
 */
public record RowError(String code, @Nullable String argument) {

    public RowError {
        if (!code.matches("[a-z-]+")) {
            throw new IllegalArgumentException("bad code " + code);
        }
    }

    static RowError of(String code) {
        return new RowError(code, null);
    }

    public String messageKey() {
        return "bulk.row.error." + code;
    }

    public Object[] args() {
        return argument == null ? new Object[0] : new Object[] {argument};
    }

    static String join(List<RowError> errors) {
        return String.join("\n", errors.stream()
                .map(e -> e.argument == null ? e.code : e.code + ":" + e.argument).toList());
    }

    static List<RowError> split(@Nullable String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split("\n")).map(s -> {
            int colon = s.indexOf(':');
            return colon < 0 ? RowError.of(s) : new RowError(s.substring(0, colon), s.substring(colon + 1));
        }).toList();
    }
}
