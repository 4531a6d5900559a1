package org.insigne.web.system;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns a business refusal on a page into the error page, with the refusal's own message in the reader's
 * language and the matching status. Never an exception message or a stack trace.
 *
 * <p>Applies to every controller, so that a new feature's pages cannot be forgotten; the API's own handler
 * ({@code web.api}) comes first in order and answers its callers with problem JSON instead.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageExceptionHandler {

    @ExceptionHandler(DomainException.class)
    String refused(DomainException refusal, Model model, HttpServletResponse response) {
        HttpStatus status = statusOf(refusal.kind());
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", refusal.messageKey());
        model.addAttribute("messageArgs", refusal.args().toArray());
        return "error/refused";
    }

    /**
     * A path segment that cannot be converted names nothing: a typed id's converter says which thing with its
     * own refusal, and a plain UUID (staff members, an account's addresses) is "page not found". Other
     * parameters of the wrong type are a bad request, as Spring answers them.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatched(MethodArgumentTypeMismatchException mismatch, Model model, HttpServletResponse response) {
        for (Throwable cause = mismatch.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                return refused(refusal, model, response);
            }
        }
        boolean inPath = mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
        HttpStatus status = inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", inPath ? "error.404.text" : "error.400.text");
        model.addAttribute("messageArgs", new Object[0]);
        return "error/refused";
    }

    /**
     * The database cannot be reached or has no free connection in time: the page is not wrong, the service is
     * busy, so "try again shortly" (503 with {@code Retry-After}) rather than a server error.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    String unavailable(HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return "error/503";
    }

    /**
     * How long a reader is asked to wait when the database is out of reach: the same on pages, on the anonymous
     * badge page's filter and in the API.
     */
    public static final String RETRY_AFTER_SECONDS = "10";

    static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case GONE -> HttpStatus.GONE;
        };
    }
}
