package org.insigne.web.system;

import java.util.Optional;
import java.util.regex.Pattern;

import org.insigne.issuer.publishing.HostedUrls;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for mails and badge documents: {@code insigne.base-url} when set (what a deployment behind
 * a proxy must do), else the address the current request came to.
 */
@Component
public class Links {

    private final InsigneProperties properties;

    Links(InsigneProperties properties) {
        this.properties = properties;
    }

    /** The absolute URL of {@code path} (which starts with {@code /}). Call it while serving a request. */
    public String absolute(String path) {
        String base = properties.baseUrl();
        if (base == null || base.isBlank()) {
            base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return withoutTrailingSlashes(base) + path;
    }

    /** The public documents' addresses under the base {@link #absolute} uses. Call it while serving a request. */
    public HostedUrls hostedUrls() {
        return new HostedUrls(absolute(""));
    }

    /**
     * The public base without a trailing slash: {@code insigne.base-url} when set, else the address of the
     * request being served on this thread; empty outside a request when no base is configured (a scheduled
     * job, a worker thread), where {@link #absolute} would fail.
     */
    public Optional<String> base() {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return Optional.of(withoutTrailingSlashes(configured));
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return Optional.empty();
        }
        return Optional.of(absolute(""));
    }

    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    /** Called for every link of every page: the pattern only runs when there is something to strip. */
    private static String withoutTrailingSlashes(String base) {
        return base.endsWith("/") ? TRAILING_SLASHES.matcher(base).replaceFirst("") : base;
    }

    /** True when {@code insigne.base-url} fixes the public base, whatever address a request came to. */
    public boolean baseConfigured() {
        String base = properties.baseUrl();
        return base != null && !base.isBlank();
    }
}
