package org.insigne.web.system;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals that happen before any controller is chosen (an upload over the size limit, a content type or a
 * method no controller takes), which no feature's advice sees: problem+json under {@code /api/}, the error
 * page in the reader's language elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnroutedRequestHandler {

    private final MessageSource messages;

    UnroutedRequestHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE, "error.413.title", "error.413.text", "upload.too-large",
                "error/413");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedType(HttpServletRequest request) {
        String key = HttpMediaTypeNotSupportedException.class.getName();
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problemDetail.title." + key, "problemDetail." + key,
                "unsupported-media-type", "error/400");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object unsupportedMethod(HttpServletRequest request) {
        String key = HttpRequestMethodNotSupportedException.class.getName();
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "problemDetail.title." + key, "problemDetail." + key,
                "method-not-allowed", "error/405");
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String titleKey, String detailKey,
                          String code, String page) {
        // When a filter met the refusal first, this runs again in the error dispatch: judge by the original path.
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            Locale locale = ApiLocale.of(request);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, null, locale));
            problem.setTitle(messages.getMessage(titleKey, null, locale));
            problem.setProperty("code", code);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView view = new ModelAndView(page);
        view.setStatus(status);
        return view;
    }
}
