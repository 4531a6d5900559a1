package org.insigne.issuer.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.award.AwardBatch;
import org.insigne.issuer.award.InvalidAward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs confirmed bulk awards off the request threads: one job at a time on its own thread (a bounded queue
 * holds the next ones), its rows signed on a small pool of their own (signing is the costly part: an RDFC
 * canonicalisation per credential) while the previous chunk is being stored. Jobs still running when the
 * application stopped are picked up when it is ready again; their committed chunks are not redone.
 * The pools are not Spring beans on purpose: a second executor bean would change which one {@code @Async}
 * methods (mail) run on.
 */
@Component
public class BulkAwardRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkAwardRunner.class);

    static final int CHUNK = 200;
    static final int QUEUED_JOBS = 100;

    private final BulkJobWork work;
    private final int signingThreads;
    private final ThreadPoolExecutor jobsExecutor;
    private final ExecutorService signing;
    private final Set<BulkJobId> scheduled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();

    BulkAwardRunner(BulkJobWork work, @Value("${insigne.bulk.signing-threads:0}") int signingThreads) {
        this.work = work;
        // Signing is pure computation: by default one thread per processor (0 = as many as there are).
        this.signingThreads = signingThreads > 0 ? signingThreads : Runtime.getRuntime().availableProcessors();
        this.jobsExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUED_JOBS), named("bulk-award-job"));
        AtomicInteger n = new AtomicInteger();
        this.signing = Executors.newFixedThreadPool(this.signingThreads, r -> {
            Thread t = new Thread(r, "bulk-award-sign-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** True while a job is issuing; mail sending leaves it the processors meanwhile. */
    public boolean busy() {
        return active.get() > 0;
    }

    @TransactionalEventListener
    void confirmed(BulkJobConfirmed event) {
        submit(event.job());
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeRunningJobs() {
        for (BulkJobId id : work.running()) {
            log.info("Bulk award {} resumed", id.value());
            submit(id);
        }
    }

    void submit(BulkJobId id) {
        if (!scheduled.add(id)) {
            return;
        }
        try {
            jobsExecutor.execute(() -> {
                try {
                    run(id);
                } finally {
                    scheduled.remove(id);
                }
            });
        } catch (RejectedExecutionException full) {
            // The job stays RUNNING in the database and starts with the next application start.
            scheduled.remove(id);
            log.warn("Bulk award {} waits: {} jobs queued already", id.value(), QUEUED_JOBS);
        }
    }

    private void run(BulkJobId id) {
        active.incrementAndGet();
        try {
            AwardBatch batch = work.open(id);
            if (batch == null) {
                return;
            }
            List<BulkJobWork.PendingRow> current = work.pending(id, 0, CHUNK);
            CompletableFuture<List<BulkJobWork.Outcome>> signed = sign(batch, current);
            while (!current.isEmpty()) {
                List<BulkJobWork.PendingRow> next = work.pending(id, current.get(current.size() - 1).line(), CHUNK);
                List<BulkJobWork.Outcome> outcomes = signed.join();
                // Sign the next chunk while this one is stored.
                signed = sign(batch, next);
                work.record(id, outcomes);
                current = next;
            }
            work.finish(id);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                log.info("Bulk award {} interrupted; it resumes at the next start", id.value());
            } else {
                log.error("Bulk award {} stopped; it resumes at the next start", id.value(), e);
            }
        } finally {
            active.decrementAndGet();
        }
    }

    private CompletableFuture<List<BulkJobWork.Outcome>> sign(AwardBatch batch, List<BulkJobWork.PendingRow> rows) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        // The chunk's status list bits in one statement, rather than one per award from the signing threads.
        int firstIndex = batch.reserveStatusIndices(rows.size());
        int parts = Math.min(signingThreads, rows.size());
        int size = (rows.size() + parts - 1) / parts;
        List<CompletableFuture<List<BulkJobWork.Outcome>>> futures = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            int start = from;
            List<BulkJobWork.PendingRow> part = rows.subList(from, Math.min(rows.size(), from + size));
            futures.add(CompletableFuture.supplyAsync(() -> {
                List<BulkJobWork.Outcome> outcomes = new ArrayList<>(part.size());
                for (int i = 0; i < part.size(); i++) {
                    outcomes.add(signOne(batch, part.get(i), firstIndex + start + i));
                }
                return outcomes;
            }, signing));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().flatMap(f -> f.join().stream()).toList());
    }

    private static BulkJobWork.Outcome signOne(AwardBatch batch, BulkJobWork.PendingRow row, int statusIndex) {
        try {
            return new BulkJobWork.Outcome(row.line(), batch.sign(row.request(), row.key(), statusIndex), null);
        } catch (InvalidAward refused) {
            return new BulkJobWork.Outcome(row.line(), null, RowError.of(rowErrorOf(refused.field())));
        } catch (DomainException refused) {
            return new BulkJobWork.Outcome(row.line(), null, RowError.of("invalid"));
        }
    }

    private static String rowErrorOf(String field) {
        return switch (field) {
            case "level" -> "level";
            case "evidence" -> "evidence-required";
            case "issued-on" -> "date-future";
            default -> "invalid";
        };
    }

    @PreDestroy
    void stop() throws InterruptedException {
        jobsExecutor.shutdownNow();
        signing.shutdownNow();
        jobsExecutor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
