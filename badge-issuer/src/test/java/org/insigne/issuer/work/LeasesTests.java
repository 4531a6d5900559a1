package org.insigne.issuer.work;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.insigne.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class LeasesTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Leases running;

    @Test
    void oneNodeHoldsALeaseUntilItExpiresThenAnotherTakesIt() throws Exception {
        String name = "test:" + UUID.randomUUID();
        // Nodes that are not started renew nothing: like a node that died holding the lease.
        Leases a = new Leases(jdbc, "a", Duration.ofSeconds(2));
        Leases b = new Leases(jdbc, "b", Duration.ofSeconds(2));

        Lease held = a.tryAcquire(name).orElseThrow();
        assertThat(b.tryAcquire(name)).isEmpty();
        assertThat(b.isHeld(name)).isTrue();

        Thread.sleep(2_200);
        assertThat(b.isHeld(name)).isFalse();
        Lease taken = b.tryAcquire(name).orElseThrow();
        assertThat(a.tryAcquire(name)).isEmpty();

        // The node that stalled cannot commit under the lease it lost: its transaction rolls back.
        jdbc.update("create table if not exists lease_probe (name text)");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            jdbc.update("insert into lease_probe values (?)", name);
            a.confirm(held);
        })).isInstanceOf(LeaseLost.class);
        assertThat(held.held()).isFalse();
        transactions.executeWithoutResult(tx -> {
            jdbc.update("insert into lease_probe values (?)", name + "-b");
            b.confirm(taken);
        });
        assertThat(jdbc.queryForList("select name from lease_probe where name like ?", String.class, name + "%"))
                .containsExactly(name + "-b");

        b.release(taken);
        assertThat(a.tryAcquire(name)).isPresent();
    }

    @Test
    void aStartedNodeRenewsWhatItHoldsAndShowsItselfAlive() throws Exception {
        String name = "test:" + UUID.randomUUID();
        Leases a = new Leases(jdbc, "a", Duration.ofSeconds(2));
        Leases b = new Leases(jdbc, "b", Duration.ofSeconds(2));
        a.start();
        try {
            Lease held = a.tryAcquire(name).orElseThrow();
            Thread.sleep(3_500);
            assertThat(b.tryAcquire(name)).isEmpty();
            assertThat(held.held()).isTrue();
            assertThat(alive(a.node())).isTrue();
            assertThat(alive(b.node())).isFalse();
        } finally {
            a.stop();
        }
        // A node that stops gives up its liveness at once: its claims are free to recover.
        assertThat(alive(a.node())).isFalse();
        assertThat(a.node()).startsWith("a-").isNotEqualTo(new Leases(jdbc, "a", Duration.ofSeconds(2)).node());
    }

    @Test
    void aPeriodicTaskRunsOnOneNodeAtATime() throws Exception {
        String name = "test:" + UUID.randomUUID();
        Leases other = new Leases(jdbc, "other", Duration.ofSeconds(30));
        AtomicInteger runs = new AtomicInteger();
        boolean[] otherRan = new boolean[1];
        assertThat(running.runAlone(name, () -> {
            runs.incrementAndGet();
            otherRan[0] = other.runAlone(name, runs::incrementAndGet);
        })).isTrue();
        assertThat(otherRan[0]).isFalse();
        assertThat(runs).hasValue(1);
        // Released when done: the next tick may run anywhere.
        assertThat(other.runAlone(name, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    private boolean alive(String node) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select " + Leases.liveNode("?"), Boolean.class, node));
    }
}
