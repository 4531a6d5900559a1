package org.insigne.web.account;

import org.insigne.core.error.DomainException;

/** An account holds at most {@link AccountService#MAX_ADDRESSES} addresses besides its login address. */
public final class TooManyAddresses extends DomainException {
    public TooManyAddresses() {
        super(Kind.CONFLICT, "error.account.too-many-addresses", AccountService.MAX_ADDRESSES);
    }
}
