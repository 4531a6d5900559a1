package org.insigne.web.verify;

import java.time.Duration;

import org.insigne.core.fetch.FetchPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on every remote fetch verification makes (hosted assertions, issuers, keys, revocation and status
 * lists). {@code allowLoopback} lets 127.0.0.1/::1 through for local checks and tests; private, link-local
 * and multicast addresses are refused whatever it says.
 */
@ConfigurationProperties("insigne.fetch")
record FetchProperties(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("2MB") DataSize maxJsonSize,
        @DefaultValue("5MB") DataSize maxImageSize,
        @DefaultValue("3") int maxRedirects,
        @DefaultValue("false") boolean allowLoopback) {

    FetchPolicy toPolicy() {
        return new FetchPolicy(timeout, Math.toIntExact(maxJsonSize.toBytes()), Math.toIntExact(maxImageSize.toBytes()),
                maxRedirects, allowLoopback);
    }
}
