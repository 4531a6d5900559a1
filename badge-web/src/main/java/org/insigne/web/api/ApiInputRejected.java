package org.insigne.web.api;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The API could not use what it was sent: the status to answer and a message key explaining why. */
final class ApiInputRejected extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final List<Object> args;

    ApiInputRejected(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    List<Object> args() {
        return args;
    }
}
