package org.insigne.web.issuer;

import java.time.Duration;

import org.insigne.core.fetch.FetchPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhook deliveries are sent: how often each node looks for due deliveries, how many it claims at a time
 * and sends at once, and the bound on one POST (connection, answer and all). {@code allowLoopback} lets
 * 127.0.0.1/::1 through for tests; private, link-local and multicast addresses are refused whatever it says.
 * The retry schedule ({@code first-retry}, {@code max-retry-delay}, {@code retry-for}), {@code allow-http} and
 * {@code rotation-overlap} are read by the issuer module under the same prefix.
 */
@ConfigurationProperties("insigne.webhooks")
record WebhookProperties(
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("20") int batch,
        @DefaultValue("4") int threads,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("false") boolean allowLoopback) {

    FetchPolicy toPolicy() {
        // Nothing is fetched but the start of answers, which the sender cuts itself; no redirect is followed.
        return new FetchPolicy(timeout, 64 * 1024, 64 * 1024, 0, allowLoopback);
    }
}
