package org.insigne.web.api;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.web.system.ApiLocale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
        return answer.body(problem);
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
