package org.insigne.web.api;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.award.AwardRequestKeyReused;
import org.insigne.web.system.ApiLocale;
import org.insigne.web.system.PageExceptionHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problems with an API request, as {@code application/problem+json}: a title and a detail in the caller's
 * language, and a {@code code} clients can switch on. Spring's own refusals (415, 405, unreadable body…) get
 * their texts from the {@code problemDetail.*} messages. Ordered before the page handler, which takes every
 * other controller, so that an API caller never gets a page.
 */
@RestControllerAdvice(basePackages = "org.insigne.web.api")
@Order(0)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ApiInputRejected.class)
    ResponseEntity<ProblemDetail> rejected(ApiInputRejected rejected, HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejected.status(),
                messages.getMessage(rejected.messageKey(), rejected.args().toArray(), locale));
        problem.setTitle(messages.getMessage("api.problem.title." + rejected.status().value(), null,
                rejected.status().getReasonPhrase(), locale));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", rejected.messageKey());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(rejected.status());
        if (rejected.status() == HttpStatus.TOO_MANY_REQUESTS && !rejected.args().isEmpty()) {
            answer.header("Retry-After", String.valueOf(rejected.args().get(0)));
        }
        if (rejected.status() == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"insigne\"");
        }
        return answer.body(problem);
    }

    /**
     * A business rule said no: the refusal's kind gives the status, its message key the {@code code} and the
     * {@code detail}. A reused idempotency key is 422, as the IETF draft on the {@code Idempotency-Key} header
     * says for a key replayed with another request.
     */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException refusal, HttpServletRequest request) {
        HttpStatus status = refusal instanceof AwardRequestKeyReused ? HttpStatus.UNPROCESSABLE_CONTENT
                : switch (refusal.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case GONE -> HttpStatus.GONE;
                };
        return rejected(new ApiInputRejected(status, refusal.messageKey(), refusal.args().toArray()), request);
    }

    /**
     * Spring's own refusals (unreadable body, wrong method or content type, an id that is not one…) keep their
     * status and get a {@code code} too, and a detail in the caller's language.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("code", codeOf(ex));
            if (ex instanceof TypeMismatchException mismatch && request instanceof ServletWebRequest servlet) {
                String name = mismatch instanceof MethodArgumentTypeMismatchException m ? m.getName()
                        : String.valueOf(mismatch.getPropertyName());
                Locale locale = ApiLocale.of(servlet.getRequest());
                problem.setTitle(messages.getMessage("api.problem.title.400", null, locale));
                problem.setDetail(messages.getMessage("api.parameter.invalid", new Object[] {name}, locale));
            }
        }
        return answer;
    }

    private static String codeOf(Exception ex) {
        if (ex instanceof HttpMessageNotReadableException) {
            return "api.body.malformed-json";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "api.not-acceptable";
        } else if (ex instanceof TypeMismatchException) {
            return "api.parameter.invalid";
        } else if (ex instanceof MissingServletRequestParameterException
                || ex instanceof MissingServletRequestPartException) {
            return "api.parameter.missing";
        }
        return "api.request-refused";
    }

    /** The database is out of reach or busy: the caller may retry, unlike after an unexpected failure. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("api.problem.unavailable", null, locale));
        problem.setTitle(messages.getMessage("api.problem.title.503", null, locale));
        problem.setProperty("code", "api.problem.unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, PageExceptionHandler.RETRY_AFTER_SECONDS)
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        Locale locale = ApiLocale.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("api.problem.unexpected", null, locale));
        problem.setTitle(messages.getMessage("api.problem.title.500", null, locale));
        problem.setProperty("code", "api.problem.unexpected");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }
}
