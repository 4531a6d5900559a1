package org.insigne.web.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers of every response: Spring Security's defaults (no MIME sniffing, no legacy XSS
 * filter, no caching, HSTS on HTTPS, no framing), our content security policy and a same-origin referrer
 * policy. One list, used by the security filter chain and by the public badge page's own rendering path,
 * which answers before that chain, so that both send exactly the same headers.
 */
public final class SecurityHeaders {

    private final List<HeaderWriter> writers;
    private final String contentSecurityPolicy;

    public SecurityHeaders(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.writers = List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(), new HstsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** The policy every page gets, for a page that must widen one directive and keep the rest. */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    List<HeaderWriter> writers() {
        return writers;
    }

    /** Writes the headers on a response not yet committed. */
    public void write(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : writers) {
            writer.writeHeaders(request, response);
        }
    }
}
