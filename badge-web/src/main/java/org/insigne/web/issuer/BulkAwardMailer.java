package org.insigne.web.issuer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.insigne.issuer.bulk.BulkAwardService;
import org.insigne.issuer.bulk.BulkMail;
import org.insigne.issuer.work.Leases;
import org.insigne.web.system.Mailer;
import org.insigne.web.system.MailBatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the earners' mails of bulk awards from their persistent outbox (the issued rows not yet marked
 * mailed), on its own thread, through {@link AwardNotifier} like any award mail. Every node drains it: each
 * claims a batch of rows (committed before sending, so no other node sends them), sends the batch over one
 * SMTP connection, and marks each mail sent before sending the next. So a node that dies leaves at most one
 * mail whose fate is unknown, which is never sent again but reported (docs/decisions/0015); the rest of its
 * claim goes back to the outbox once its liveness lease expired. A refused mail or an SMTP outage stops the
 * round, its unsent claims go back, and the next round, a moment later, tries again. Sending goes on while a
 * bulk job signs: it costs little besides the wait on the SMTP server. On a graceful stop the mail in hand is
 * sent and marked, the unsent ones go back, before the database closes.
 */
@Component
class BulkAwardMailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkAwardMailer.class);
    private static final int BATCH = 100;
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final String RECOVERY = "bulk-award-mail-recovery";

    private final BulkAwardService bulk;
    private final AwardNotifier notifier;
    private final Mailer mailer;
    private final Leases leases;
    private final long delayMillis;
    private @Nullable ScheduledExecutorService thread;
    private volatile boolean running;
    private long recoveredAt;
    /** A mail sent whose mark failed (the database was away): marked before anything else is sent. */
    private @Nullable BulkMail sentUnmarked;

    BulkAwardMailer(BulkAwardService bulk, AwardNotifier notifier, Mailer mailer, Leases leases,
                    @Value("${insigne.bulk.mail-delay:1s}") Duration delay) {
        this.bulk = bulk;
        this.notifier = notifier;
        this.mailer = mailer;
        this.leases = leases;
        this.delayMillis = delay.toMillis();
    }

    void drain() {
        try {
            if (sentUnmarked != null) {
                bulk.mailed(sentUnmarked.job(), sentUnmarked.line());
                sentUnmarked = null;
                bulk.releaseMails(leases.node());
            }
            recoverLeftClaims();
            while (running) {
                List<BulkMail> mails = bulk.claimMails(leases.node(), BATCH);
                if (mails.isEmpty() || !send(mails)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // Kept for the next round; a failure here must not end the scheduled task.
            log.error("Bulk award mails paused: {}", e.toString());
        }
    }

    /** Sends a claimed batch in order; false when the round stops (refused, uncertain, or stopping). */
    private boolean send(List<BulkMail> mails) {
        try (MailBatch batch = mailer.batch()) {
            for (BulkMail mail : mails) {
                if (!running) {
                    bulk.releaseMails(leases.node());
                    return false;
                }
                switch (notifier.notify(batch, mail)) {
                    case SENT -> markSent(mail);
                    case REFUSED -> {
                        bulk.releaseMails(leases.node());
                        return false;
                    }
                    case UNCERTAIN -> {
                        bulk.mailUncertain(mail.job(), mail.line());
                        bulk.releaseMails(leases.node());
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private void markSent(BulkMail mail) {
        sentUnmarked = mail;
        bulk.mailed(mail.job(), mail.line());
        sentUnmarked = null;
    }

    /** Every few seconds, one node puts back what nodes that died had claimed. */
    private void recoverLeftClaims() {
        long now = System.nanoTime();
        if (recoveredAt != 0 && now - recoveredAt < TimeUnit.SECONDS.toNanos(10)) {
            return;
        }
        recoveredAt = now;
        leases.runAlone(RECOVERY, bulk::recoverMailClaims);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bulk-award-mail");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::drain, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        ScheduledExecutorService thread = this.thread;
        if (thread == null) {
            return;
        }
        this.thread = null;
        thread.shutdown();
        try {
            // The mail in hand is sent and marked; the round then gives its other claims back.
            if (!thread.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Bulk award mails still sending after {}; interrupted", STOP_WAIT);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Leases.WORK_PHASE;
    }
}
