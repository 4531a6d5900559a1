package org.insigne.web.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one place where every rate limit is counted: anonymous verifications, contact messages and failed logins
 * (per account and per client address). Each limit allows n events per key (a client address, an e-mail
 * address) and window, as the settings say.
 *
 * <p>Counts live in PostgreSQL ({@code rate_limit}), so that every node sees the same ones, a restart forgives
 * nothing, and a client cannot multiply its budget by the number of nodes. One row per limit and key, keyed by
 * a SHA-256 of both (so no address or user name is kept as sent), updated by one atomic statement; a row goes
 * when its window has ended, never to make room, so a flood of new keys cannot make us forget the one under
 * attack. See docs/decisions/0012-sessions-and-limits-in-postgresql.md.
 */
@Component
public class RateLimits {

    /** The limits Insigne knows, each counted apart. */
    public enum Limit {
        /** Anonymous verifications (page, API, public badge page) per client address and minute. */
        VERIFICATION,
        /** Messages through the learning-territory contact form per client address and hour. */
        TERRITORY_CONTACT,
        /** Failed passwords per account (its e-mail address, hashed) within the lockout window. */
        LOGIN_FAILURE,
        /** Failed logins per client address, whichever accounts it tried, within the lockout window. */
        LOGIN_CLIENT_FAILURE,
        /** Calls to the issuer API per organisation API token and minute. */
        API_TOKEN,
        /** Unknown claim codes tried per client address within a quarter of an hour: guessing, or typos. */
        CLAIM_CODE_FAILURE,
        /** Open Badges API client registrations per client address and hour: the endpoint is open to anyone. */
        CLIENT_REGISTRATION
    }

    /**
     * What a consumption gave.
     *
     * @param allowed            false when the key was over its limit (nothing was counted then)
     * @param retryAfterSeconds  when {@code allowed} is false, seconds until the window ends (for Retry-After)
     */
    public record Outcome(boolean allowed, long retryAfterSeconds) {
    }

    /** Failed logins allowed for one account within {@link #LOGIN_WINDOW} before it is locked. */
    public static final int LOGIN_FAILURES = 5;
    public static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);

    /** How many events of a limit fit in how long; aligned windows start on the clock's minutes and hours. */
    private record Window(int events, Duration period, boolean alignedOnClock) {

        Instant endAfter(Instant now) {
            if (!alignedOnClock) {
                return now.plus(period);
            }
            long periodMillis = period.toMillis();
            return Instant.ofEpochMilli((now.toEpochMilli() / periodMillis + 1) * periodMillis);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    // A new key starts a window; an ended window starts again; else one more, but never past events + 1, so
    // that a refused event is not counted and a key hammered for hours still ends its window on time.
    private static final String CONSUME = """
            INSERT INTO rate_limit AS r (key, used, window_ends_at) VALUES (?, 1, ?)
            ON CONFLICT (key) DO UPDATE SET
                used = CASE WHEN r.window_ends_at <= ? THEN 1 ELSE LEAST(r.used + 1, ?) END,
                window_ends_at = CASE WHEN r.window_ends_at <= ? THEN excluded.window_ends_at
                                      ELSE r.window_ends_at END
            RETURNING used, window_ends_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Limit, Window> windows = new EnumMap<>(Limit.class);

    public RateLimits(DataSource dataSource, Clock clock,
                      @Value("${insigne.verify.requests-per-minute:30}") int verificationsPerMinute,
                      @Value("${insigne.territory.contacts-per-hour:5}") int contactsPerHour,
                      @Value("${insigne.login.failures-per-client:50}") int loginFailuresPerClient,
                      @Value("${insigne.api.requests-per-minute:600}") int apiRequestsPerMinute,
                      @Value("${insigne.claim-codes.failures-per-client:20}") int claimCodeFailuresPerClient,
                      @Value("${insigne.ob3api.registrations-per-hour:20}") int registrationsPerHour) {
        // Not the caller's transaction: a wrong password is counted even though the action it guarded fails
        // and rolls back. Wrapped, the data source is a key no transaction has bound a connection to, so each
        // statement runs on a pooled connection of its own, in auto-commit.
        this.jdbc = new JdbcTemplate(new DelegatingDataSource(dataSource));
        this.clock = clock;
        windows.put(Limit.VERIFICATION, new Window(verificationsPerMinute, Duration.ofMinutes(1), true));
        windows.put(Limit.TERRITORY_CONTACT, new Window(contactsPerHour, Duration.ofHours(1), true));
        // Counted from the first failure: a burst locks the account (or the client) for the whole window.
        windows.put(Limit.LOGIN_FAILURE, new Window(LOGIN_FAILURES, LOGIN_WINDOW, false));
        windows.put(Limit.LOGIN_CLIENT_FAILURE, new Window(loginFailuresPerClient, LOGIN_WINDOW, false));
        windows.put(Limit.API_TOKEN, new Window(apiRequestsPerMinute, Duration.ofMinutes(1), true));
        // Only failures count: a whole event behind one venue's address must not lock itself out.
        windows.put(Limit.CLAIM_CODE_FAILURE, new Window(claimCodeFailuresPerClient, Duration.ofMinutes(15), false));
        windows.put(Limit.CLIENT_REGISTRATION, new Window(registrationsPerHour, Duration.ofHours(1), true));
    }

    /** Counts one event for {@code key}; refused (and not counted) when the key is over the limit. */
    public Outcome tryConsume(Limit limit, String key) {
        Window window = windows.get(limit);
        Instant now = clock.instant();
        OffsetDateTime at = at(now);
        Counted counted = jdbc.queryForObject(CONSUME,
                (rs, row) -> new Counted(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()),
                storeKey(limit, key), at(window.endAfter(now)), at, window.events() + 1, at);
        if (counted.used() <= window.events()) {
            if (counted.used() == window.events()) {
                log.warn("Rate limit {} reached by one key", limit);
            }
            return new Outcome(true, 0);
        }
        long millis = Duration.between(now, counted.windowEndsAt()).toMillis();
        return new Outcome(false, Math.max(1, (millis + 999) / 1000));
    }

    private record Counted(int used, Instant windowEndsAt) {
    }

    /** Whether {@code key} has used up its limit, without counting anything. */
    public boolean isExhausted(Limit limit, String key) {
        Boolean exhausted = jdbc.query("SELECT used >= ? FROM rate_limit WHERE key = ? AND window_ends_at > ?",
                rs -> rs.next() && rs.getBoolean(1),
                windows.get(limit).events(), storeKey(limit, key), at(clock.instant()));
        return Boolean.TRUE.equals(exhausted);
    }

    /** Forgets what was counted for {@code key}, as after a successful login. */
    public void reset(Limit limit, String key) {
        jdbc.update("DELETE FROM rate_limit WHERE key = ?", storeKey(limit, key));
    }

    /**
     * Drops the windows that have ended. Every node may run it: deleting what is already gone is harmless. A
     * window counts only until its end, so a late clean-up changes no answer, only the table's size.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    public void removeEnded() {
        int removed = jdbc.update("DELETE FROM rate_limit WHERE window_ends_at <= ?", at(clock.instant()));
        if (removed > 0) {
            log.debug("Removed {} ended rate-limit windows", removed);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String storeKey(Limit limit, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(limit.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
