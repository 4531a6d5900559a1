package org.insigne.web.system;

/** The embedded PostgreSQL cannot start; the message says why in one line, for the operator. */
final class EmbeddedDatabaseUnavailable extends RuntimeException {

    EmbeddedDatabaseUnavailable(String reason) {
        super(reason);
    }
}
