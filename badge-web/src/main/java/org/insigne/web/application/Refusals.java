package org.insigne.web.application;

import org.insigne.core.error.DomainException;

/** The status a form shown again after a refusal answers with, as the error pages would. */
public final class Refusals {

    private Refusals() {
    }

    public static int status(DomainException refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case GONE -> 410;
        };
    }
}
