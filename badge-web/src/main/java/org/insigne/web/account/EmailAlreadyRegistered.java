package org.insigne.web.account;

import org.insigne.core.error.DomainException;

public final class EmailAlreadyRegistered extends DomainException {
    public EmailAlreadyRegistered() {
        super(Kind.CONFLICT, "error.account.email-taken");
    }
}
