package org.insigne.web.ob3api;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Whatever goes wrong in the API's own controllers answers {@link ImsxStatusInfo}, never a page: ordered
 * before the application's page and API handlers.
 */
@RestControllerAdvice(assignableTypes = {CredentialsApiController.class, ProfileApiController.class,
        DiscoveryController.class, ClientRegistrationController.class, Ob3ApiFallbackController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Ob3ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Ob3ApiExceptionHandler.class);

    private final ImsxErrors errors;

    Ob3ApiExceptionHandler(ImsxErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpServletRequest request) {
        return errors.answer(request, HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "ob3api.error.not-acceptable");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception failure, HttpServletRequest request) {
        log.error("Open Badges API request failed", failure);
        return errors.answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error",
                "ob3api.error.internal");
    }
}
