package org.insigne.web.issuer;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.insigne.core.fetch.FetchFailed;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.webhook.WebhookDisabled;
import org.insigne.issuer.webhook.WebhookMessage;
import org.insigne.issuer.webhook.WebhookOutbox;
import org.insigne.issuer.webhook.WebhookSignature;
import org.insigne.issuer.work.Leases;
import org.insigne.web.account.AccountService;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends webhook deliveries from their outbox ({@link WebhookOutbox}), off every request thread: each node
 * wakes every {@code insigne.webhooks.poll-interval}, gives back the claims of nodes that died, claims a batch
 * of due deliveries (committed before sending) and posts them, a few at once, each signed the Standard Webhooks
 * way, through the same address rules as badge imports ({@link HttpDocumentFetcher}, no redirect followed).
 * An endpoint disabled for failing is told to its organisation's owners and administrators by mail, in their
 * language. On a graceful stop the posts in hand finish and are written; unsent claims go back.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Bytes of an answer read, before the log cuts it to {@link WebhookOutbox#EXCERPT_CHARS} characters. */
    private static final int ANSWER_BYTES = 4 * WebhookOutbox.EXCERPT_CHARS;

    private final WebhookOutbox outbox;
    private final Leases leases;
    private final WebhookProperties properties;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final Mailer mailer;
    private final Links links;
    private final Clock clock;
    private final HttpDocumentFetcher http;
    private @Nullable ScheduledExecutorService poller;
    private @Nullable ExecutorService senders;
    private volatile boolean running;

    WebhookDispatcher(WebhookOutbox outbox, Leases leases, WebhookProperties properties,
                      OrganisationService organisations, AccountService accounts, Mailer mailer, Links links,
                      Clock clock) {
        this.outbox = outbox;
        this.leases = leases;
        this.properties = properties;
        this.organisations = organisations;
        this.accounts = accounts;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
        this.http = new HttpDocumentFetcher(properties.toPolicy());
    }

    /**
     * Why an endpoint at {@code url} could never receive a delivery (a host that resolves to a private or
     * loopback address, or to nothing): the message key of the refusal, or empty when it may be registered.
     */
    public Optional<String> refusal(URI url) {
        try {
            http.check(url);
            return Optional.empty();
        } catch (FetchFailed e) {
            return Optional.of(e.reason() == FetchFailed.Reason.FORBIDDEN_ADDRESS
                    ? "error.webhook.invalid.address" : "error.webhook.invalid.unreachable");
        }
    }

    /** One round: recover dead nodes' claims, then claim and send batches until none is due or we stop. */
    void drain() {
        try {
            outbox.recoverLeftClaims();
            while (running) {
                List<WebhookMessage> batch = outbox.claim(leases.node(), properties.batch());
                if (batch.isEmpty()) {
                    return;
                }
                sendAll(batch);
            }
        } catch (RuntimeException e) {
            // Kept for the next round; a failure here must not end the scheduled task.
            log.error("Webhook deliveries paused: {}", e.toString());
        }
    }

    private void sendAll(List<WebhookMessage> batch) {
        ExecutorService pool = senders;
        if (pool == null) {
            return;
        }
        List<Future<?>> sent = new ArrayList<>();
        for (WebhookMessage message : batch) {
            sent.add(pool.submit(() -> send(message)));
        }
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.error("Webhook delivery failed unexpectedly: {}", e.getCause().toString());
            }
        }
    }

    private void send(WebhookMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = Map.of(
                "webhook-id", message.messageId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.header(message.secrets(), message.messageId(), timestamp,
                        message.body()),
                "User-Agent", "Insigne webhooks");
        long started = System.nanoTime();
        Integer status = null;
        String failure = null;
        byte[] answer = new byte[0];
        try {
            HttpDocumentFetcher.Answer got = http.post(message.url(), headers, "application/json", message.body(),
                    ANSWER_BYTES);
            status = got.status();
            answer = got.bodyStart();
        } catch (FetchFailed e) {
            failure = e.reason().name();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (status == null || status < 200 || status > 299) {
            log.info("Webhook delivery {} to endpoint {} failed: {}", message.deliveryId(), message.endpoint().value(),
                    status == null ? failure : status);
        }
        outbox.record(message, leases.node(), status, millis, failure, answer).ifPresent(this::tellOwners);
    }

    private void tellOwners(WebhookDisabled disabled) {
        // Off any request: the configured base, else the address the endpoint was registered at.
        String link = links.base().orElse(disabled.consoleBase()) + "/console/organisations/"
                + disabled.organisation().value() + "/webhooks";
        String name = organisations.publicProfile(disabled.organisation()).map(p -> p.profile().name()).orElse("");
        accounts.contacts(organisations.administrators(disabled.organisation())).forEach((email, locale) ->
                mailer.send(email, "webhook-disabled", locale, Map.of("url", disabled.url(), "organisation", name,
                        "link", link, Mailer.SUBJECT_ARGS, List.of(name))));
    }

    @Override
    public synchronized void start() {
        running = true;
        senders = Executors.newFixedThreadPool(Math.max(1, properties.threads()), r -> {
            Thread t = new Thread(r, "webhook-send");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-outbox");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, properties.pollInterval().toMillis());
        thread.scheduleWithFixedDelay(this::drain, every, every, TimeUnit.MILLISECONDS);
        poller = thread;
    }

    @Override
    public synchronized void stop() {
        running = false;
        ScheduledExecutorService thread = poller;
        ExecutorService pool = senders;
        poller = null;
        if (thread == null || pool == null) {
            return;
        }
        thread.shutdown();
        try {
            // The posts in hand finish (each bounded by the timeout) and their outcome is written.
            if (!thread.awaitTermination(properties.timeout().toSeconds() * 2 + 5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        pool.shutdown();
        senders = null;
        try {
            outbox.release(leases.node());
        } catch (RuntimeException e) {
            // The claims come back once this node's liveness lease expired.
            log.warn("Webhook claims not released: {}", e.toString());
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

    /** Closes the connection pool when the application ends. */
    @jakarta.annotation.PreDestroy
    void close() throws IOException {
        http.close();
    }
}
