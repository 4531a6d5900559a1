package org.insigne.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.insigne.testing.TestDatabase;
import org.insigne.web.system.RateLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on real PostgreSQL, in the table its migration creates, as every node shares it. */
class LoginThrottleTests {

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = throttle(clock);

    @BeforeAll
    static void createTable() {
        TestDatabase.Coordinates db = TestDatabase.forSuite("login_throttle");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        dataSource.setMaximumPoolSize(4);
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/web/V202612071401__create_rate_limit.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    /** A throttle as a node builds it; several of them on the one table are several nodes, or a restart. */
    private static LoginThrottle throttle(Clock clock) {
        return new LoginThrottle(new RateLimits(dataSource, clock, 30, 5, 50, 600, 20, 20));
    }

    @Test
    void locksAnAccountForTheWindowAfterRepeatedFailures() {
        String email = unique("Camille");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure(email);
        }
        assertThat(throttle.isBlocked(email)).isFalse();
        throttle.recordFailure(" " + email.toUpperCase() + " ");
        assertThat(throttle.isBlocked(email)).isTrue();

        clock.advance(LoginThrottle.WINDOW.minusSeconds(1));
        assertThat(throttle.isBlocked(email)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked(email)).isFalse();
    }

    @Test
    void anotherNodeAndARestartSeeTheSameLock() {
        String email = unique("dominique");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(email);
        }
        assertThat(throttle(clock).isBlocked(email)).isTrue();
    }

    @Test
    void keepsCountingWhenTheGuardedActionRollsBack() {
        String email = unique("sacha");
        // A wrong password refuses the action, whose transaction then rolls back: the count must stay.
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
                throttle.recordFailure(email);
            }
            status.setRollbackOnly();
        });
        assertThat(throttle.isBlocked(email)).isTrue();
    }

    @Test
    void keepsTheAccountUnderAttackLockedWhileOtherNamesFloodIn() throws Exception {
        String attacked = unique("directrice");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(attacked);
        }
        // Far more one-off names than the in-memory throttle used to keep, some of them huge, from four
        // threads as from several nodes: nothing is evicted to make room, so the lock stays.
        int flood = 120_000;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(threads.submit(() -> {
                    for (int i = first; i < flood; i += 4) {
                        throttle.recordFailure(i % 1000 == 0 ? "x".repeat(100_000) + i : "spray" + i + "@example.org");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(throttle.isBlocked(attacked)).isTrue();
        // one row per distinct name (the huge ones, cut short, share one), plus the account under attack
        assertThat(jdbc.queryForObject("select count(*) from rate_limit", Long.class))
                .isGreaterThanOrEqualTo(flood - flood / 1000 + 2L);

        // Bounded by time instead: once the window has passed, every row goes.
        clock.advance(LoginThrottle.WINDOW);
        new RateLimits(dataSource, clock, 30, 5, 50, 600, 20, 20).removeEnded();
        assertThat(throttle.isBlocked(attacked)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from rate_limit where window_ends_at <= ?", Long.class,
                clock.instant().atOffset(ZoneOffset.UTC))).isZero();
    }

    @Test
    void slowsOneClientTryingManyAccounts() {
        String client = "203.0.113." + (int) (Math.random() * 250);
        for (int i = 0; i < 49; i++) {
            throttle.recordClientFailure(client);
        }
        assertThat(throttle.isClientBlocked(client)).isFalse();
        throttle.recordClientFailure(client);
        assertThat(throttle.isClientBlocked(client)).isTrue();
        assertThat(throttle.isClientBlocked("198.51.100.1")).isFalse();

        clock.advance(LoginThrottle.WINDOW);
        assertThat(throttle.isClientBlocked(client)).isFalse();
    }

    @Test
    void countsAHugeUserNameCutShortAndKeepsOnlyAHash() {
        String prefix = unique("long");
        String huge = prefix + "x".repeat(1 << 20);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure(huge);
        }
        assertThat(throttle.isBlocked(huge.substring(0, LoginThrottle.MAX_NAME_LENGTH))).isTrue();
        assertThat(throttle.isBlocked(prefix)).isFalse();
        assertThat(jdbc.queryForObject("select max(length(key)) from rate_limit", Integer.class)).isEqualTo(64);
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID() + "@example.org";
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
