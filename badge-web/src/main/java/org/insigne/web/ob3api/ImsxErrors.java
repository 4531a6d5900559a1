package org.insigne.web.ob3api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.web.system.ApiLocale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link ImsxStatusInfo} answers in the caller's language: for the security chain (no token, a bad
 * one, a scope too narrow, with RFC 6750's {@code WWW-Authenticate} header) and for the controllers.
 */
@Component
class ImsxErrors {

    private final MessageSource messages;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    ImsxErrors(MessageSource messages) {
        this.messages = messages;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearerEntryPoint.commence(request, response, refused);
        write(request, response, "unauthorizedrequest", "ob3api.error.unauthorized");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        bearerDenied.handle(request, response, refused);
        write(request, response, "forbidden", "ob3api.error.forbidden");
    }

    /** An answer for a controller: {@code status}, with the spec's {@code codeMinor} and the text of {@code key}. */
    ResponseEntity<String> answer(HttpServletRequest request, HttpStatus status, String codeMinor, String key,
                                  Object... args) {
        // Written here, with its type set, so that it goes out as JSON whatever the request's Accept header says.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(ImsxStatusInfo.failure(codeMinor, text(request, key, args))));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String codeMinor, String key)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(ImsxStatusInfo.failure(codeMinor, text(request, key))));
    }

    private String text(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, ApiLocale.of(request));
    }
}
