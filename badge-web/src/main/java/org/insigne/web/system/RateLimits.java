package org.insigne.web.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place where every rate limit is counted: anonymous verifications, contact messages and failed logins.
 * Each limit is a Bucket4j bucket per key (a client address, a hashed e-mail address) that refills all at once
 * at the end of its window, so a limit reads as "n per window" like the settings say.
 *
 * <p>The buckets live in a {@link ProxyManager}: today a bounded Caffeine map in this node's memory, where
 * size-based eviction (W-TinyLFU) drops the keys seen once before the ones hit again and again, so a spray of
 * random keys cannot make us forget an address under attack. Callers only name a limit and a key: a store shared
 * by several nodes (Bucket4j's PostgreSQL proxy manager) replaces {@link #inMemory} without touching them.
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
        /** Calls to the issuer API per organisation API token and minute. */
        API_TOKEN
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

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final ProxyManager<String> buckets;
    private final Map<Limit, Supplier<BucketConfiguration>> configurations = new EnumMap<>(Limit.class);

    @Autowired
    public RateLimits(@Value("${insigne.verify.requests-per-minute:30}") int verificationsPerMinute,
               @Value("${insigne.territory.contacts-per-hour:5}") int contactsPerHour,
               @Value("${insigne.rate-limits.max-tracked-keys:100000}") long maxTrackedKeys,
               Clock clock) {
        this(inMemory(maxTrackedKeys, clock), verificationsPerMinute, contactsPerHour);
    }

    RateLimits(ProxyManager<String> buckets, int verificationsPerMinute, int contactsPerHour) {
        this.buckets = buckets;
        // Aligned on the clock's minutes and hours, as the fixed windows the settings describe.
        configurations.put(Limit.VERIFICATION, window(verificationsPerMinute, Duration.ofMinutes(1), true));
        configurations.put(Limit.TERRITORY_CONTACT, window(contactsPerHour, Duration.ofHours(1), true));
        // Counted from the first failure: a burst locks the account for the whole window.
        configurations.put(Limit.LOGIN_FAILURE, window(LOGIN_FAILURES, LOGIN_WINDOW, false));
    }

    /** Sets the issuer API's limit ({@code insigne.api.requests-per-minute}), aligned on the clock's minutes. */
    @Autowired
    void apiRequestsPerMinute(@Value("${insigne.api.requests-per-minute:600}") int requestsPerMinute) {
        configurations.put(Limit.API_TOKEN, window(requestsPerMinute, Duration.ofMinutes(1), true));
    }

    /**
     * Buckets in this node's memory, at most {@code maxKeys} of them; a bucket is dropped once it is full again.
     * Bucket4j reads time from the application's clock, so that tests can move it.
     */
    static ProxyManager<String> inMemory(long maxKeys, Clock clock) {
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxKeys))
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Counts one event for {@code key}; refused (and not counted) when the key is over the limit. */
    public Outcome tryConsume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            if (probe.getRemainingTokens() == 0) {
                log.warn("Rate limit {} reached by one key", limit);
            }
            return new Outcome(true, 0);
        }
        long nanos = probe.getNanosToWaitForRefill();
        return new Outcome(false, Math.max(1, (nanos + 999_999_999) / 1_000_000_000));
    }

    /** Whether {@code key} has used up its limit, without counting anything. */
    public boolean isExhausted(Limit limit, String key) {
        return bucket(limit, key).getAvailableTokens() <= 0;
    }

    /** Forgets what was counted for {@code key}, as after a successful login. */
    public void reset(Limit limit, String key) {
        buckets.removeProxy(storeKey(limit, key));
    }

    private BucketProxy bucket(Limit limit, String key) {
        return buckets.getProxy(storeKey(limit, key), configurations.get(limit));
    }

    private static String storeKey(Limit limit, String key) {
        return limit.name() + ':' + key;
    }

    private static Supplier<BucketConfiguration> window(int events, Duration period, boolean alignedOnClock) {
        BandwidthBuilder.BandwidthBuilderRefillStage capacity = BandwidthBuilder.builder().capacity(events);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(alignedOnClock
                        ? capacity.refillIntervallyAligned(events, period, Instant.EPOCH).build()
                        : capacity.refillIntervally(events, period).build())
                .build();
        return () -> configuration;
    }
}
