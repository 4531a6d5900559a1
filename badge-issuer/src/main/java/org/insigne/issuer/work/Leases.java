package org.insigne.issuer.work;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases in PostgreSQL ({@code work_lease}), so that background work is done by one node at a time when
 * several share the database, and taken over when the node doing it dies. The API, for any background work:
 * <ul>
 * <li>{@link #tryAcquire} a named lease (a bulk job, a queue's sweep): empty while another node holds it and
 * its expiry has not passed. This node renews what it holds every third of the lease time, on a thread of
 * its own, until {@link #release}; a node that dies stops renewing and the lease falls free after at most
 * its time.</li>
 * <li>{@link #confirm} inside the transaction that commits a step of the work: it renews the lease and locks
 * its row until commit, or throws {@link LeaseLost}, so a node that stalled past its expiry (a long GC
 * pause) cannot commit over the node that took its work.</li>
 * <li>{@link #runAlone}: a periodic task that one node runs per tick, whichever gets there first.</li>
 * <li>Queues of many small items (mails, deliveries) claim rows themselves with {@code FOR UPDATE SKIP
 * LOCKED}, writing {@link #node()} as the claimant and committing the claim before doing the work; a claim
 * whose node no longer holds its liveness lease ({@link #liveNode}) is what that node left when it died.</li>
 * </ul>
 * Times are read on the database's clock, so the nodes' clocks need not agree.
 */
@Component
public class Leases implements SmartLifecycle {

    /** Stops after the work that holds leases ({@link #WORK_PHASE}), before the database goes away. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;
    /**
     * The phase of background work: it stops after the web server stopped taking requests and before
     * {@link Leases} and the database.
     */
    public static final int WORK_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    private static final String NODE = "node:";

    private final JdbcTemplate jdbc;
    private final String node;
    private final Duration leaseTime;
    private final Map<Lease, Long> renewed = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService renewing;
    private volatile Lease alive;

    /** One per application; tests make more, to play other nodes on the same database. */
    public Leases(JdbcTemplate jdbc, @Value("${insigne.work.node-id:}") String node,
           @Value("${insigne.work.lease-time:30s}") Duration leaseTime) {
        this.jdbc = jdbc;
        this.node = nodeId(node);
        this.leaseTime = leaseTime;
    }

    /**
     * This node's name in leases and claims ({@code insigne.work.node-id}, else host and process id, then a
     * random part): unique per start, so a node restarted after a crash does not pass for the one that died.
     */
    public String node() {
        return node;
    }

    /** How long a lease lasts without renewal ({@code insigne.work.lease-time}). */
    public Duration leaseTime() {
        return leaseTime;
    }

    /** The lease {@code name} for {@link #leaseTime()}, unless a live node holds it. */
    public Optional<Lease> tryAcquire(String name) {
        return tryAcquire(name, leaseTime);
    }

    /** The lease {@code name} for {@code time}, unless another holds it and it has not expired. */
    public Optional<Lease> tryAcquire(String name, Duration time) {
        UUID token = UUID.randomUUID();
        List<UUID> got = jdbc.queryForList("""
                insert into work_lease (name, owner, token, acquired_at, expires_at)
                values (?, ?, ?, now(), now() + make_interval(secs => ?))
                on conflict (name) do update set owner = excluded.owner, token = excluded.token,
                    acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                where work_lease.expires_at < now()
                returning token""", UUID.class, name, node, token, seconds(time));
        if (got.isEmpty() || !token.equals(got.get(0))) {
            return Optional.empty();
        }
        Lease lease = new Lease(name, token, time);
        renewed.put(lease, System.nanoTime());
        return Optional.of(lease);
    }

    /**
     * In the caller's transaction: extends the lease and keeps its row locked until commit, so nobody takes
     * it meanwhile; throws {@link LeaseLost} if another node holds it now.
     */
    public void confirm(Lease lease) {
        if (!extend(lease)) {
            lease.lost();
            renewed.remove(lease);
            throw new LeaseLost(lease.name());
        }
    }

    /** Gives the lease up, so another node may take the work at once. */
    public void release(Lease lease) {
        renewed.remove(lease);
        lease.lost();
        try {
            jdbc.update("delete from work_lease where name = ? and token = ?", lease.name(), lease.token());
        } catch (DataAccessException e) {
            // It expires by itself.
            log.warn("Lease {} not released: {}", lease.name(), e.getMessage());
        }
    }

    /** Whether a live node holds the lease {@code name} now. */
    public boolean isHeld(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from work_lease where name = ? and expires_at > now())", Boolean.class, name));
    }

    /**
     * Runs {@code task} here unless another node is running it; for periodic tasks that every node schedules
     * but one at a time must run.
     *
     * @return false when another node held it
     */
    public boolean runAlone(String name, Runnable task) {
        Optional<Lease> lease = tryAcquire(name);
        if (lease.isEmpty()) {
            return false;
        }
        try {
            task.run();
            return true;
        } finally {
            release(lease.get());
        }
    }

    /**
     * An SQL condition, true when the node named by {@code nodeColumn} (a claimant) is alive: a claim whose
     * condition is false was left by a node that died.
     */
    public static String liveNode(String nodeColumn) {
        return "exists (select 1 from work_lease live where live.name = '" + NODE + "' || " + nodeColumn
                + " and live.expires_at > now())";
    }

    private boolean extend(Lease lease) {
        boolean extended = jdbc.update("""
                update work_lease set expires_at = now() + make_interval(secs => ?)
                where name = ? and token = ?""", seconds(lease.time()), lease.name(), lease.token()) == 1;
        if (extended) {
            renewed.computeIfPresent(lease, (l, at) -> System.nanoTime());
        }
        return extended;
    }

    private void renewDue() {
        long now = System.nanoTime();
        renewed.forEach((lease, at) -> {
            if (now - at < lease.time().toNanos() / 3) {
                return;
            }
            try {
                if (!extend(lease)) {
                    lease.lost();
                    renewed.remove(lease);
                    log.warn("Lease {} was taken over by another node", lease.name());
                }
            } catch (DataAccessException e) {
                // Tried again at the next tick; if the database stays away, the lease expires as it should.
                log.warn("Lease {} not renewed: {}", lease.name(), e.getMessage());
            }
        });
    }

    @Override
    public void start() {
        alive = tryAcquire(NODE + node).orElseThrow(() -> new IllegalStateException("node id " + node + " in use"));
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "work-leases");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::renewDue, 1, 1, TimeUnit.SECONDS);
        renewing = thread;
        log.info("Background work runs as node {}", node);
    }

    @Override
    public void stop() {
        ScheduledExecutorService thread = renewing;
        renewing = null;
        if (thread != null) {
            thread.shutdownNow();
        }
        Lease own = alive;
        if (own != null) {
            // Others may recover this node's claims at once rather than after the lease time; but not waiting
            // long, should the database be gone already (it expires by itself).
            CompletableFuture<Void> released = CompletableFuture.runAsync(() -> release(own));
            try {
                released.get(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Node {} stopped without releasing its leases; they expire by themselves", node);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return renewing != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static double seconds(Duration time) {
        return time.toMillis() / 1000.0;
    }

    /** The configured name (else host and process id), with a random part: a restarted node is a new one. */
    private static String nodeId(String configured) {
        String name = configured.strip();
        if (name.isEmpty()) {
            try {
                name = InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
            } catch (UnknownHostException e) {
                name = "node-" + ProcessHandle.current().pid();
            }
        }
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
