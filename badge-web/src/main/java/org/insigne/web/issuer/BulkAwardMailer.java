package org.insigne.web.issuer;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.insigne.issuer.bulk.BulkAwardRunner;
import org.insigne.issuer.bulk.BulkAwardService;
import org.insigne.issuer.bulk.BulkMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the earners' mails of bulk awards from their persistent outbox (the issued rows not yet marked
 * mailed), one at a time on its own thread, through {@link AwardNotifier} like any award mail. A row is
 * marked only once its mail left, so a restart or an SMTP outage delays mails but loses none; an outage
 * stops the round, and the next round, a few seconds later, tries again. While a job is issuing, sending
 * waits, so that signing has the processors: the mails are safe in the table meanwhile.
 */
@Component
class BulkAwardMailer {

    private static final Logger log = LoggerFactory.getLogger(BulkAwardMailer.class);
    private static final int BATCH = 100;

    private final BulkAwardService bulk;
    private final BulkAwardRunner runner;
    private final AwardNotifier notifier;
    private final long delayMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bulk-award-mail");
        t.setDaemon(true);
        return t;
    });

    BulkAwardMailer(BulkAwardService bulk, BulkAwardRunner runner, AwardNotifier notifier,
                    @Value("${insigne.bulk.mail-delay:1s}") java.time.Duration delay) {
        this.bulk = bulk;
        this.runner = runner;
        this.notifier = notifier;
        this.delayMillis = delay.toMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::drain, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
    }

    void drain() {
        try {
            while (!runner.busy() && !Thread.currentThread().isInterrupted()) {
                List<BulkMail> mails = bulk.mailsToSend(BATCH);
                if (mails.isEmpty()) {
                    return;
                }
                for (BulkMail mail : mails) {
                    if (!notifier.notifyNow(mail.award(), mail.badgeName(), mail.issuerName(), mail.locale(),
                            mail.baseUrl())) {
                        return;
                    }
                    bulk.mailed(mail.job(), mail.line());
                }
            }
        } catch (RuntimeException e) {
            // Kept for the next round; a failure here must not end the scheduled task.
            log.error("Bulk award mails paused: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
