package org.insigne.web.backpack;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.DueBadge;
import org.insigne.core.verification.VerificationReport;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.verify.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies again, in small batches, the badges last checked longer ago than
 * {@code insigne.backpack.recheck-interval} (default a day; {@code -} or {@code 0} turns it off), so that
 * a revoked or expired badge shows as such in its owner's list without anyone pressing "re-check". It wakes
 * every {@code insigne.backpack.recheck-tick} on the scheduler's thread; the verifications themselves run on
 * the verification executor, one at a time, so that the job never crowds out earners' own imports. With
 * several nodes, one runs each tick (a {@link Leases} lease), whichever wakes first.
 */
@Component
class ScheduledRecheck {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRecheck.class);
    /** Batches per wake-up at most: the rest waits for the next tick rather than keeping remote servers busy. */
    private static final int MAX_BATCHES = 10;
    private static final long TIMEOUT_SECONDS = 60;
    private static final String LEASE = "backpack-recheck";

    private final BackpackService collection;
    private final VerificationService verifications;
    private final AccountService accounts;
    private final Leases leases;
    private final Clock clock;
    private final Optional<Duration> interval;
    private final int batchSize;

    ScheduledRecheck(BackpackService collection, VerificationService verifications, AccountService accounts,
                     Leases leases, Clock clock, @Value("${insigne.backpack.recheck-interval:PT24H}") String interval,
                     @Value("${insigne.backpack.recheck-batch:20}") int batchSize) {
        this.collection = collection;
        this.verifications = verifications;
        this.accounts = accounts;
        this.leases = leases;
        this.clock = clock;
        this.interval = parse(interval);
        this.batchSize = Math.max(1, batchSize);
    }

    @Scheduled(initialDelayString = "${insigne.backpack.recheck-tick:PT10M}",
            fixedDelayString = "${insigne.backpack.recheck-tick:PT10M}")
    void onSchedule() {
        // Every node wakes up; one re-checks at a time, and the others then find nothing due.
        interval.ifPresent(olderThan -> leases.runAlone(LEASE, () -> recheckCheckedBefore(olderThan)));
    }

    /**
     * Re-checks the badges last checked more than {@code olderThan} ago, oldest first, at most
     * {@value #MAX_BATCHES} batches; each gets its new status and check time, even when the check fails.
     *
     * @return how many badges were checked
     */
    int recheckCheckedBefore(Duration olderThan) {
        Set<DueBadge> seen = new HashSet<>();
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<DueBadge> due = collection.dueForRecheck(clock.instant().minus(olderThan), batchSize).stream()
                    .filter(seen::add).toList();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(this::recheck);
        }
        if (!seen.isEmpty()) {
            log.info("Scheduled re-check verified {} badges", seen.size());
        }
        return seen.size();
    }

    private void recheck(DueBadge badge) {
        try {
            VerificationReport report = EarnerVerifications.firstMatching(verifications::verify,
                            recipient -> collection.recheckRequest(badge.ownerId(), badge.id(), recipient),
                            accounts.confirmedAddresses(badge.ownerId()))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            collection.recordCheck(badge.ownerId(), badge.id(), report);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            // Left as it was: the next tick picks it again, since its check time did not move.
            log.warn("Scheduled re-check of badge {} failed", badge.id().value(), failed);
        }
    }

    static Optional<Duration> parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.equals("-")) {
            return Optional.empty();
        }
        Duration duration = DurationStyle.detectAndParse(text);
        return duration.isZero() || duration.isNegative() ? Optional.empty() : Optional.of(duration);
    }
}
