package org.insigne.web.badgepage;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.web.system.BadgePages;
import org.insigne.web.system.PageExceptionHandler;
import org.insigne.web.system.SecurityHeaders;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Serves the public badge page to anonymous readers without Spring MVC or the security filter chain: the
 * page is the application's busiest (its audience is everyone a badge is shown to), and for a reader with no
 * session it needs neither. It is the same page, from the same template ({@link AnonymousBadgePages}), with
 * the same security headers ({@link SecurityHeaders}), in the reader's language ({@link LocaleResolver}).
 *
 * <p>Only a plain {@code GET} of {@code /ob2/assertions/{id}} or {@code /ob3/credentials/{id}} asking for
 * HTML, with no query and no session, and for an award that exists, is answered here; everything else (a
 * signed-in reader, {@code ?lang=en}, a machine asking for JSON-LD, an unknown id, the recipient form's
 * {@code POST}) goes on to the usual path.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class PublicBadgePageFilter extends OncePerRequestFilter {

    private final AnonymousBadgePages pages;
    private final SecurityHeaders securityHeaders;
    private final LocaleResolver locales;

    PublicBadgePageFilter(AnonymousBadgePages pages, SecurityHeaders securityHeaders, LocaleResolver locales) {
        this.pages = pages;
        this.securityHeaders = securityHeaders;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID id = anonymousPageRequest(request) ? BadgePages.awardId(request) : null;
        if (id != null) {
            Locale locale = locales.resolveLocale(request);
            AnonymousBadgePages.Page html;
            try {
                html = pages.page(new AwardId(id), BadgePages.path(request), locale, request, response);
            } catch (DataAccessResourceFailureException | TransientDataAccessException
                     | CannotCreateTransactionException busy) {
                // the same answer as the pages' handler gives: busy, not broken
                response.setHeader(HttpHeaders.RETRY_AFTER, PageExceptionHandler.RETRY_AFTER_SECONDS);
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
            if (html != null) {
                securityHeaders.write(request, response);
                response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
                response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                response.setLocale(locale);
                // written through the container's encoder into its buffer; a page that fits in the buffer (all
                // of them) is sent with its Content-Length
                PrintWriter out = response.getWriter();
                out.write(html.before());
                out.write(html.content());
                out.write(html.after());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean anonymousPageRequest(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getQueryString() == null
                && request.getSession(false) == null && BadgePages.wantsHtml(request);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
