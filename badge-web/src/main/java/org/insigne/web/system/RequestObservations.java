package org.insigne.web.system;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which requests Micrometer observes. Nothing reads the observations beyond request metrics (only the health
 * endpoint is exposed and no tracer is configured), and on the public badge page, the busiest anonymous page,
 * they were a measurable share of each request's CPU time (docs/PERFORMANCE.md):
 *
 * <ul>
 *   <li>Spring Security's observations around the filter chain, each of its filters, authentications and
 *       authorisations are off: a dozen observations started and stopped on every request of every page;</li>
 *   <li>the request-level {@code http.server.requests} observation stays for every page but the public badge
 *       pages ({@code /ob2/assertions/*}, {@code /ob3/credentials/*}), whose volume is that of the badges'
 *       audience, not of the application's users.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ObservationPredicate badgePagesNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && BadgePages.isBadgePage(request.getCarrier()));
    }
}
