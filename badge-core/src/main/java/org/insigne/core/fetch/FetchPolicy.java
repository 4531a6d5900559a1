package org.insigne.core.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one {@link HttpDocumentFetcher#fetch fetch}, redirects included.
 *
 * @param timeout       total time for the whole fetch: DNS, connect, every redirect hop, headers and body
 * @param maxJsonBytes  largest body accepted when JSON is expected
 * @param maxImageBytes largest body accepted when an image (or anything) is expected
 * @param maxRedirects  redirects followed before giving up
 * @param allowLoopback allow 127.0.0.0/8 and ::1, for local checks and tests; private ranges stay refused
 */
public record FetchPolicy(Duration timeout, int maxJsonBytes, int maxImageBytes, int maxRedirects,
        boolean allowLoopback) {

    public FetchPolicy {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxJsonBytes <= 0 || maxImageBytes <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 5 s in total, 2 MB of JSON, 5 MB of image, 3 redirects, no loopback. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(Duration.ofSeconds(5), 2 * 1024 * 1024, 5 * 1024 * 1024, 3, false);
    }

    /** This policy with loopback addresses allowed (only 127.0.0.0/8 and ::1). */
    public FetchPolicy withLoopbackAllowed() {
        return new FetchPolicy(timeout, maxJsonBytes, maxImageBytes, maxRedirects, true);
    }
}
