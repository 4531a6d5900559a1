package org.insigne.backpack.imports;

import java.util.List;

import org.insigne.core.error.DomainException;
import org.insigne.core.verification.Check;

/**
 * The backpack would not keep a badge. The message key says why and what to do; {@link #checks()} holds the
 * verification checks that failed, for the page to list in the reader's language.
 */
public final class ImportRefused extends DomainException {

    private final transient List<Check> checks;

    ImportRefused(Kind kind, String messageKey, List<Check> checks) {
        super(kind, messageKey);
        this.checks = List.copyOf(checks);
    }

    ImportRefused(Kind kind, String messageKey) {
        this(kind, messageKey, List.of());
    }

    public List<Check> checks() {
        return checks;
    }
}
