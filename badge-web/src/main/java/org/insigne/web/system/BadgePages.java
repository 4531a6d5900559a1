package org.insigne.web.system;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.publishing.HostedUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;

/**
 * The addresses of the public badge pages, written in every badge Insigne issues: {@code /ob2/assertions/{id}}
 * (OB 2.0 assertion) and {@code /ob3/credentials/{id}} (OB 3.0 credential). A browser gets the badge's page
 * there, a verifier the signed document. They are the application's busiest anonymous addresses, so a few
 * parts of the request path treat them apart (observations, the CSRF exemption of their recipient form, and
 * the page's own rendering path).
 */
public final class BadgePages {

    /** {@code ?format=json-ld}: the machine form whatever the Accept header, so that a page can link to it. */
    public static final String MACHINE_FORMAT = "json-ld";

    /** The two routes with anything but a slash as the id, so that a malformed id still counts as a page. */
    private static final Pattern PAGE = Pattern.compile("(?:" + Pattern.quote(prefix(HostedUrls.OB2_ASSERTION)) + "|"
            + Pattern.quote(prefix(HostedUrls.OB3_CREDENTIAL)) + ")([^/]+)");

    private BadgePages() {
    }

    /** Whether the request is for a public badge page, the OB 2.0 assertion's or the OB 3.0 credential's. */
    public static boolean isBadgePage(HttpServletRequest request) {
        return PAGE.matcher(path(request)).matches();
    }

    /** The award a badge page's address names, or null when the address is not one or its id is no UUID. */
    public static @Nullable UUID awardId(HttpServletRequest request) {
        Matcher m = PAGE.matcher(path(request));
        if (!m.matches()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(m.group(1));
            // UUID.fromString accepts shortened groups ("1-2-3-4-5"); only the canonical form names an award
            return id.toString().equals(m.group(1)) ? id : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String prefix(String route) {
        return route.substring(0, route.indexOf("{id}"));
    }

    /** The request's path within the application, as the browser sent it (not decoded). */
    public static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * A browser asks for HTML first; verifiers ask for JSON or anything. {@code ?format=json-ld} asks for the
     * machine form whatever the Accept header, so that the public page can link to it.
     */
    public static boolean wantsHtml(HttpServletRequest request) {
        if (MACHINE_FORMAT.equals(request.getParameter("format"))) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (!type.isWildcardType()) {
                    return type.isCompatibleWith(MediaType.TEXT_HTML)
                            || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML);
                }
            }
        } catch (InvalidMimeTypeException unreadable) {
            // an unreadable Accept header gets the machine form
        }
        return false;
    }
}
