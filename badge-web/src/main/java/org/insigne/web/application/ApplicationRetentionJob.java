package org.insigne.web.application;

import java.time.Clock;
import java.time.Duration;

import org.insigne.issuer.application.ApplicationRetention;
import org.insigne.issuer.work.Leases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases refused and withdrawn applications past {@code insigne.applications.retention} (12 months by
 * default). Every node wakes at each {@code insigne.applications.retention-tick}; one erases at a time (a
 * {@link Leases} lease).
 */
@Component
class ApplicationRetentionJob {

    static final String LEASE = "application-retention";

    private final ApplicationRetention retention;
    private final Leases leases;
    private final Clock clock;
    private final Duration keep;

    ApplicationRetentionJob(ApplicationRetention retention, Leases leases, Clock clock,
                            @Value("${insigne.applications.retention:P365D}") Duration keep) {
        this.retention = retention;
        this.leases = leases;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "${insigne.applications.retention-tick:PT6H}",
            fixedDelayString = "${insigne.applications.retention-tick:PT6H}")
    void onSchedule() {
        leases.runAlone(LEASE, this::eraseExpired);
    }

    int eraseExpired() {
        return retention.eraseClosed(clock.instant(), keep);
    }
}
