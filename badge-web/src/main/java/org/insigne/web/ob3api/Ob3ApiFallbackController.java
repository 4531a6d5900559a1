package org.insigne.web.ob3api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What no operation of the API takes, answered as {@link ImsxStatusInfo} rather than the application's error
 * page: a method an endpoint does not offer (405) and an address under the API that names nothing (404).
 * Spring prefers the operations' own mappings, which name their method.
 */
@RestController
class Ob3ApiFallbackController {

    private final ImsxErrors errors;

    Ob3ApiFallbackController(ImsxErrors errors) {
        this.errors = errors;
    }

    @RequestMapping({Ob3Api.CREDENTIALS, Ob3Api.PROFILE, Ob3Api.DISCOVERY})
    ResponseEntity<String> methodNotAllowed(HttpServletRequest request) {
        String allowed = request.getRequestURI().endsWith(Ob3Api.CREDENTIALS) ? "GET, POST"
                : request.getRequestURI().endsWith(Ob3Api.PROFILE) ? "GET, PUT" : "GET";
        ResponseEntity<String> answer = errors.answer(request, HttpStatus.METHOD_NOT_ALLOWED, "not_allowed",
                "ob3api.error.method");
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.ALLOW, allowed).body(answer.getBody());
    }

    @RequestMapping(Ob3Api.BASE + "/**")
    ResponseEntity<String> notFound(HttpServletRequest request) {
        return errors.answer(request, HttpStatus.NOT_FOUND, "not_found", "ob3api.error.not-found");
    }
}
