package org.insigne.web.system;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Keeps CSRF tokens in the session, except on the public badge pages ({@code /ob2/assertions/*},
 * {@code /ob3/credentials/*}), where the token of the "does this badge belong to …?" form is kept in a cookie
 * (double submit). Those pages are opened by anyone, anonymously and often: with the session repository,
 * rendering the form would create a server session on every view, for nothing but that token.
 */
final class BadgePageCsrfTokenRepository implements CsrfTokenRepository {

    static final String COOKIE = "INSIGNE-BADGE-CSRF";

    private static final Pattern BADGE_PAGE = Pattern.compile("/ob2/assertions/[^/]+|/ob3/credentials/[^/]+");

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    BadgePageCsrfTokenRepository() {
        cookies.setCookieName(COOKIE);
        cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return pick(request).generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        pick(request).saveToken(token, request, response);
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return pick(request).loadToken(request);
    }

    private CsrfTokenRepository pick(HttpServletRequest request) {
        return isBadgePage(request) ? cookies : sessions;
    }

    /** Whether the request is for a public badge page, the OB 2.0 assertion's or the OB 3.0 credential's. */
    static boolean isBadgePage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return BADGE_PAGE.matcher(path).matches();
    }
}
