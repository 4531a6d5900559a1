package org.insigne.web.platforms;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.insigne.backpack.badge.BadgeInput;
import org.insigne.backpack.imports.ImportRefused;
import org.insigne.backpack.imports.ImportService;
import org.insigne.core.error.DomainException;
import org.insigne.core.verification.VerificationReport;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.backpack.EarnerVerifications;
import org.insigne.web.verify.VerificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Imports an earner's credentials from a connected host, on threads of its own so that no request waits:
 * refreshes the access token when it has expired or the host refuses it, lists every page of
 * {@code getCredentials}, and hands each credential to the backpack's ordinary import (verification for the
 * earner's confirmed addresses, then {@link ImportService#importBadge}), so a badge already there is recognised
 * and a tampered one refused as from a file. Totals are written after each credential for the page to show.
 */
@Component
class PlatformImporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformImporter.class);
    /** Credentials asked per page: small, so that a page of credentials with embedded images stays readable. */
    static final int PAGE_SIZE = 10;
    /** Beyond this many credentials an import stops: a host that keeps paging would otherwise never end. */
    static final int MAX_CREDENTIALS = 5000;
    private static final String DUPLICATE = "backpack.import.refused.duplicate";

    private final PlatformConnections connections;
    private final PlatformClient client;
    private final VerificationService verifications;
    private final ImportService imports;
    private final AccountService accounts;
    private final Leases leases;
    private final Clock clock;
    /** A plain pool, not a bean: {@code @Async} keeps its own executor. Two imports at a time per node. */
    private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "platform-import-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicInteger THREADS = new AtomicInteger();

    PlatformImporter(PlatformConnections connections, PlatformClient client, VerificationService verifications,
                     ImportService imports, AccountService accounts, Leases leases, Clock clock) {
        this.connections = connections;
        this.client = client;
        this.verifications = verifications;
        this.imports = imports;
        this.accounts = accounts;
        this.leases = leases;
        this.clock = clock;
    }

    /** Starts an import of the connection unless one is running; returns at once. */
    void start(UUID accountId, UUID connectionId) {
        if (!connections.claimImport(accountId, connectionId, leases.node())) {
            return;
        }
        pool.execute(() -> {
            String failure = null;
            try {
                run(connections.connection(accountId, connectionId));
            } catch (DomainException refused) {
                failure = refused.messageKey();
                log.info("Import from connection {} stopped: {}", connectionId, failure);
            } catch (RuntimeException unexpected) {
                failure = "platforms.import.failed.unexpected";
                log.warn("Import from connection {} failed", connectionId, unexpected);
            }
            connections.finish(connectionId, failure);
        });
    }

    private void run(PlatformConnections.Connection connection) {
        String access = connection.accessToken();
        boolean refreshed = false;
        if (access == null || connection.accessExpiresAt() != null
                && connection.accessExpiresAt().isBefore(clock.instant().plus(Duration.ofSeconds(30)))) {
            access = refresh(connection);
            refreshed = true;
        }
        List<String> addresses = accounts.confirmedAddresses(connection.accountId());
        Totals totals = new Totals();
        Set<URI> seen = new LinkedHashSet<>();
        URI page = URI.create(connection.host().credentialsUrl() + "?limit=" + PAGE_SIZE + "&offset=0");
        while (page != null && seen.add(page) && totals.listed < MAX_CREDENTIALS) {
            Optional<PlatformClient.Page> listed = client.credentials(page, access);
            if (listed.isEmpty()) {
                if (refreshed) {
                    throw new PlatformRefused("platforms.import.failed.reconnect");
                }
                access = refresh(connection);
                refreshed = true;
                continue;
            }
            for (String credential : listed.get().credentials()) {
                importOne(connection.accountId(), credential, addresses, totals);
                connections.progress(connection.id(), totals.listed, totals.added, totals.known, totals.refused,
                        totals.refusals);
            }
            page = listed.get().next();
        }
        log.info("Imported from connection {}: {} listed, {} added, {} known, {} refused", connection.id(),
                totals.listed, totals.added, totals.known, totals.refused);
    }

    private String refresh(PlatformConnections.Connection connection) {
        if (connection.refreshToken() == null) {
            throw new PlatformRefused("platforms.import.failed.reconnect");
        }
        PlatformClient.Tokens tokens = client.refresh(connection.host().tokenUrl(), connection.host().client(),
                connection.refreshToken());
        connections.storeTokens(connection.id(), tokens, connection.refreshToken());
        return tokens.access();
    }

    private void importOne(UUID accountId, String credential, List<String> addresses, Totals totals) {
        totals.listed++;
        BadgeInput input = BadgeInput.text(credential);
        try {
            ImportService.requireUsable(input);
            VerificationReport report = EarnerVerifications.firstMatching(verifications::verify, input::toRequest,
                    addresses).join();
            imports.importBadge(accountId, input, report);
            totals.added++;
        } catch (ImportRefused refused) {
            if (refused.messageKey().equals(DUPLICATE)) {
                totals.known++;
            } else {
                totals.refused++;
                totals.refusals.add(reason(refused.messageKey()));
            }
        } catch (DataIntegrityViolationException sameBadgeAtOnce) {
            totals.known++;
        } catch (CompletionException unverifiable) {
            log.warn("A credential from another platform could not be verified", unverifiable.getCause());
            totals.refused++;
            totals.refusals.add(reason("backpack.import.refused.unverifiable"));
        }
    }

    /**
     * The page's words for why the backpack refused a listed badge: the import form's own messages point at
     * checks listed below them, which a list of refusals does not show.
     */
    static String reason(String importKey) {
        String reason = importKey.substring(importKey.lastIndexOf('.') + 1);
        return REASONS.contains(reason) ? "platforms.refused." + reason : "platforms.refused.other";
    }

    private static final Set<String> REASONS = Set.of("invalid", "unreadable", "unrecognised", "unsupported",
            "unverifiable", "status-list", "too-large", "empty");

    private static final class Totals {
        int listed;
        int added;
        int known;
        int refused;
        final Set<String> refusals = new LinkedHashSet<>();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
