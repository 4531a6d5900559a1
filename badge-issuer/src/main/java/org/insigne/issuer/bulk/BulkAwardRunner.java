package org.insigne.issuer.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.insigne.core.error.DomainException;
import org.insigne.issuer.award.AwardBatch;
import org.insigne.issuer.award.InvalidAward;
import org.insigne.issuer.work.Lease;
import org.insigne.issuer.work.LeaseLost;
import org.insigne.issuer.work.Leases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs confirmed bulk awards off the request threads: one job at a time on its own thread (a bounded queue
 * holds the next ones), its rows signed on a small pool of their own (signing is the costly part: an RDFC
 * canonicalisation per credential) while the previous chunk is being stored.
 *
 * <p>When several nodes share the database, a job runs on the node that holds its lease ({@link Leases}),
 * and each chunk commits only while that lease is still this node's: a job is never run by two nodes at
 * once, and no chunk's awards or status list bits are spent twice. Every node looks for running jobs that no
 * live node holds (after a restart, or once a dead node's lease expired) every
 * {@code insigne.work.poll-interval} and takes them up; their committed chunks are not redone. On a
 * graceful stop the job stores the chunk in hand, gives its lease up and stops, for another node or the
 * next start to go on with.
 * The pools are not Spring beans on purpose: a second executor bean would change which one {@code @Async}
 * methods (mail) run on.
 */
@Component
public class BulkAwardRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkAwardRunner.class);

    static final int CHUNK = 200;
    static final int QUEUED_JOBS = 100;
    static final String LEASE = "bulk-award-job:";
    /** Within Spring's default 30 s for a shutdown phase. */
    static final Duration STOP_WAIT = Duration.ofSeconds(25);

    private final BulkJobWork work;
    private final Leases leases;
    private final Duration pollInterval;
    private final int signingThreads;
    private volatile ThreadPoolExecutor jobsExecutor;
    private volatile ExecutorService signing;
    private @Nullable ScheduledExecutorService poller;
    private final Set<BulkJobId> scheduled = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    BulkAwardRunner(BulkJobWork work, Leases leases, @Value("${insigne.bulk.signing-threads:0}") int signingThreads,
                    @Value("${insigne.work.poll-interval:5s}") Duration pollInterval) {
        this.work = work;
        this.leases = leases;
        this.pollInterval = pollInterval;
        // Signing is pure computation: by default one thread per processor (0 = as many as there are).
        this.signingThreads = signingThreads > 0 ? signingThreads : Runtime.getRuntime().availableProcessors();
        this.jobsExecutor = jobsExecutor();
        this.signing = signingPool(this.signingThreads);
    }

    private static ThreadPoolExecutor jobsExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUED_JOBS),
                named("bulk-award-job"));
    }

    private static ExecutorService signingPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bulk-award-sign-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @TransactionalEventListener
    void confirmed(BulkJobConfirmed event) {
        submit(event.job());
    }

    /** Queues the running jobs that no live node holds: left by a stop, a restart, or a node that died. */
    void resumeRunningJobs() {
        if (!running) {
            return;
        }
        try {
            for (BulkJobId id : work.running()) {
                if (!scheduled.contains(id) && !leases.isHeld(LEASE + id.value())) {
                    submit(id);
                }
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll looks again.
            log.warn("Looking for bulk awards to resume failed: {}", e.toString());
        }
    }

    void submit(BulkJobId id) {
        if (!running || !scheduled.add(id)) {
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
            // The job stays RUNNING in the database: a later poll, here or on another node, queues it again.
            scheduled.remove(id);
            log.warn("Bulk award {} waits: {} jobs queued already", id.value(), QUEUED_JOBS);
        }
    }

    private void run(BulkJobId id) {
        Optional<Lease> held = running ? leases.tryAcquire(LEASE + id.value()) : Optional.empty();
        if (held.isEmpty()) {
            return;
        }
        Lease lease = held.get();
        try {
            AwardBatch batch = work.open(id, lease);
            if (batch == null) {
                return;
            }
            log.info("Bulk award {} running on node {}", id.value(), leases.node());
            List<BulkJobWork.PendingRow> current = work.pending(id, 0, CHUNK);
            CompletableFuture<List<BulkJobWork.Outcome>> signed = sign(batch, current);
            while (!current.isEmpty()) {
                List<BulkJobWork.Outcome> outcomes = signed.join();
                boolean goOn = running && lease.held();
                List<BulkJobWork.PendingRow> next = goOn
                        ? work.pending(id, current.get(current.size() - 1).line(), CHUNK) : List.of();
                // Sign the next chunk while this one is stored.
                signed = sign(batch, next);
                work.record(id, outcomes, lease);
                if (!goOn) {
                    log.info("Bulk award {} paused on node {}; another node or the next start goes on with it",
                            id.value(), leases.node());
                    return;
                }
                current = next;
            }
            work.finish(id, lease);
        } catch (LeaseLost lost) {
            log.info("Bulk award {} was taken over by another node", id.value());
        } catch (RuntimeException e) {
            if (!running || Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                log.info("Bulk award {} interrupted; it resumes later", id.value());
            } else {
                log.error("Bulk award {} stopped; it resumes later", id.value(), e);
            }
        } finally {
            if (lease.held()) {
                leases.release(lease);
            }
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

    @Override
    public synchronized void start() {
        if (jobsExecutor.isShutdown()) {
            jobsExecutor = jobsExecutor();
            signing = signingPool(signingThreads);
        }
        running = true;
        poller = Executors.newSingleThreadScheduledExecutor(named("bulk-award-poll"));
        poller.scheduleWithFixedDelay(this::resumeRunningJobs, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        jobsExecutor.shutdown();
        try {
            // The job in hand stores its chunk and gives its lease up: a few seconds.
            if (!jobsExecutor.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Bulk award still running after {}; interrupted", STOP_WAIT);
                jobsExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobsExecutor.shutdownNow();
        } finally {
            signing.shutdownNow();
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

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
