package org.insigne.web.ob3api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.insigne.issuer.work.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what the authorization server keeps but can no longer use: authorizations whose code, access token
 * and refresh token have all expired, authorization requests left waiting for consent for a day, and clients
 * registered through the open endpoint that no earner ever connected within
 * {@code insigne.ob3api.unused-client-ttl}. The earners' consents stay: they are what "Applications connectées"
 * lists until the earner withdraws it. Every node wakes every {@code insigne.ob3api.cleanup-tick}; one cleans
 * at a time (a {@link Leases} lease).
 */
@Component
class ExpiredGrantsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredGrantsCleanup.class);
    static final String LEASE = "ob3api-cleanup";
    /** Longer than any authorization request takes: signing in, then reading the consent page. */
    static final Duration PENDING_REQUEST_TTL = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final Leases leases;
    private final Clock clock;
    private final Duration unusedClientTtl;

    ExpiredGrantsCleanup(JdbcTemplate jdbc, Leases leases, Clock clock,
                         @Value("${insigne.ob3api.unused-client-ttl:P30D}") Duration unusedClientTtl) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.clock = clock;
        this.unusedClientTtl = unusedClientTtl;
    }

    @Scheduled(initialDelayString = "${insigne.ob3api.cleanup-tick:PT1H}",
            fixedDelayString = "${insigne.ob3api.cleanup-tick:PT1H}")
    void onSchedule() {
        leases.runAlone(LEASE, this::removeExpired);
    }

    /** One clean-up: what was removed, counted. */
    record Removed(int authorizations, int clients) {
    }

    /** Two statements, each on its own: a clean-up stopped between them leaves nothing half done. */
    Removed removeExpired() {
        Instant now = clock.instant();
        // greatest() skips nulls: a row expires with the last of its tokens; with none, it is a pending request.
        int authorizations = jdbc.update("""
                delete from oauth2_authorization
                 where greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at) < ?
                    or (greatest(authorization_code_expires_at, access_token_expires_at,
                                 refresh_token_expires_at) is null and created_at < ?)""",
                Timestamp.from(now), Timestamp.from(now.minus(PENDING_REQUEST_TTL)));
        int clients = jdbc.update("""
                delete from oauth2_registered_client c
                 where c.client_secret_expires_at < ?
                    or (c.client_id_issued_at < ?
                        and not exists (select 1 from oauth2_authorization a where a.registered_client_id = c.id)
                        and not exists (select 1 from oauth2_authorization_consent k
                                         where k.registered_client_id = c.id))""",
                Timestamp.from(now), Timestamp.from(now.minus(unusedClientTtl)));
        if (authorizations > 0 || clients > 0) {
            log.info("Removed {} expired OAuth authorizations and {} unused clients", authorizations, clients);
        }
        return new Removed(authorizations, clients);
    }
}
