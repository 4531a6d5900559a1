package org.insigne.issuer.work;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A lease this node holds on a piece of work, from {@link Leases#tryAcquire}. {@link Leases} renews it on
 * its own thread until it is released; {@link #held()} turns false for good once a renewal finds another
 * node took it (this node stalled past its expiry), and the work must then stop.
 */
public final class Lease {

    private final String name;
    private final UUID token;
    private final Duration time;
    private final AtomicBoolean held = new AtomicBoolean(true);

    Lease(String name, UUID token, Duration time) {
        this.name = name;
        this.token = token;
        this.time = time;
    }

    public String name() {
        return name;
    }

    UUID token() {
        return token;
    }

    Duration time() {
        return time;
    }

    /** False once the lease was released, or found taken by another node. */
    public boolean held() {
        return held.get();
    }

    void lost() {
        held.set(false);
    }
}
