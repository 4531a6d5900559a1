package org.insigne.web.api;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.apitoken.ApiGrant;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.web.system.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who calls the issuer API: the organisation API token of the {@code Authorization: Bearer} header, checked in
 * this order: a valid token (401), within its rate limit (429), with the scope the operation needs (403). No
 * session and no cookie: each call carries its token.
 */
@Component
class ApiAccess {

    private static final String BEARER = "bearer ";

    private final ApiTokenService tokens;
    private final RateLimits limits;

    ApiAccess(ApiTokenService tokens, RateLimits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    ApiGrant require(HttpServletRequest request, ApiScope scope) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiInputRejected(HttpStatus.UNAUTHORIZED, "api.auth.missing");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new ApiInputRejected(HttpStatus.UNAUTHORIZED, "api.auth.not-bearer");
        }
        ApiGrant grant = tokens.authenticate(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> new ApiInputRejected(HttpStatus.UNAUTHORIZED, "api.auth.invalid"));
        RateLimits.Outcome outcome = limits.tryConsume(RateLimits.Limit.API_TOKEN, grant.token().value().toString());
        if (!outcome.allowed()) {
            throw new ApiInputRejected(HttpStatus.TOO_MANY_REQUESTS, "api.rate-limited", outcome.retryAfterSeconds());
        }
        if (!grant.allows(scope)) {
            throw new ApiInputRejected(HttpStatus.FORBIDDEN, "api.auth.scope-missing", scope.code());
        }
        return grant;
    }
}
