package org.insigne.web.account;

import java.util.Locale;

import org.insigne.core.error.DomainException;

/** A confirmation or reset link that is unknown, already used, or expired. */
public final class InvalidAccountToken extends DomainException {

    public enum Why { UNKNOWN, USED, EXPIRED }

    public InvalidAccountToken(Why why) {
        super(why == Why.EXPIRED ? Kind.GONE : Kind.INVALID,
                "error.account.token-" + why.name().toLowerCase(Locale.ROOT));
    }
}
