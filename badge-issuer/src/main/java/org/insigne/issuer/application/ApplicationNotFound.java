package org.insigne.issuer.application;

import org.insigne.core.error.DomainException;

/** No such application for this person or organisation: not told apart. */
public final class ApplicationNotFound extends DomainException {
    ApplicationNotFound() {
        super(Kind.NOT_FOUND, "error.application.not-found");
    }
}
