package org.insigne.issuer.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.audit.AuditRecorded;
import org.insigne.issuer.key.KeyVault;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.work.Leases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhooks' outbox. Events are written in the transaction of the change that raises them (through the audit
 * log's {@link AuditRecorded}), one row per subscribed endpoint, so none is lost and none sent for a change
 * rolled back. Senders {@link #claim} due rows with {@code FOR UPDATE SKIP LOCKED}, committing their node's
 * name before sending, so that one node at a time has a row; {@link #record} writes the outcome and, after a
 * failure, when to try again: {@code insigne.webhooks.first-retry}, doubled at each failure up to
 * {@code insigne.webhooks.max-retry-delay}, for {@code insigne.webhooks.retry-for} (3 days). A delivery still
 * failing then fails for good and disables its endpoint. A node's claims are released when it stops, and
 * recovered by any node once its liveness lease expired (docs/decisions/0014): a row may then be sent twice,
 * never lost, and receivers tell copies by their {@code webhook-id}.
 */
@Service
@Transactional(readOnly = true)
public class WebhookOutbox {

    /** What is kept of an answer's body in the log, after control characters are replaced. */
    public static final int EXCERPT_CHARS = 500;

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final KeyVault vault;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetryDelay;
    private final Duration retryFor;

    WebhookOutbox(JdbcTemplate jdbc, KeyVault vault, Clock clock,
                  @Value("${insigne.webhooks.first-retry:30s}") Duration firstRetry,
                  @Value("${insigne.webhooks.max-retry-delay:6h}") Duration maxRetryDelay,
                  @Value("${insigne.webhooks.retry-for:3d}") Duration retryFor) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetryDelay = maxRetryDelay;
        this.retryFor = retryFor;
    }

    /** Queues the event an audit entry raises, for every enabled endpoint of its organisation subscribed to it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditRecorded recorded) {
        Optional<WebhookEvent> event = WebhookEvent.raisedBy(recorded.action());
        if (event.isEmpty() || recorded.subjects().isEmpty()) {
            return;
        }
        List<UUID> subscribed = jdbc.queryForList("""
                select id from webhook_endpoint
                where organisation_id = ? and disabled_at is null and (',' || events || ',') like ?""",
                UUID.class, recorded.organisationId(), "%," + event.get().code() + ",%");
        if (subscribed.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(recorded.at(), ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(recorded.at().plus(retryFor), ZoneOffset.UTC);
        record Row(UUID endpoint, String payload) {
        }
        List<Row> rows = new ArrayList<>();
        for (AuditLog.Subject subject : recorded.subjects()) {
            String payload = payload(event.get(), recorded, subject);
            subscribed.forEach(endpoint -> rows.add(new Row(endpoint, payload)));
        }
        jdbc.batchUpdate("""
                insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, created_at, state,
                    next_attempt_at, retry_until)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""", rows, rows.size(), (ps, row) -> {
            UUID id = UUID.randomUUID();
            ps.setObject(1, id);
            ps.setObject(2, row.endpoint());
            ps.setString(3, "msg_" + id.toString().replace("-", ""));
            ps.setString(4, event.get().code());
            ps.setString(5, row.payload());
            ps.setObject(6, now);
            ps.setObject(7, now);
            ps.setObject(8, until);
        });
    }

    /**
     * The body receivers get, in the shape Standard Webhooks recommends: {@code type}, {@code timestamp} and
     * {@code data}, which names the organisation and the subject by id and carries what the audit log keeps of
     * the change (recipients' addresses masked: a receiver reads the rest through the API).
     */
    private static String payload(WebhookEvent event, AuditRecorded recorded, AuditLog.Subject subject) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organisationId", recorded.organisationId().toString());
        String kind = recorded.action().subject().name().toLowerCase(java.util.Locale.ROOT);
        data.put(kind + "Id", subject.id().toString());
        if (event == WebhookEvent.APPLICATION_DECIDED) {
            data.put("decision", recorded.action().name().substring("APPLICATION_".length())
                    .toLowerCase(java.util.Locale.ROOT));
        }
        subject.detail().forEach(data::putIfAbsent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.code());
        body.put("timestamp", recorded.at().toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    /**
     * Claims up to {@code limit} due rows of enabled endpoints for {@code node}, and commits the claim before
     * anything is sent.
     */
    @Transactional
    public List<WebhookMessage> claim(String node, int limit) {
        List<UUID> ids = jdbc.queryForList("""
                update webhook_delivery set claimed_by = ?, claimed_at = now()
                where id in (select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                             where d.state = 'PENDING' and d.claimed_by is null and d.next_attempt_at <= ?
                               and e.disabled_at is null
                             order by d.next_attempt_at limit ? for update of d skip locked)
                returning id""", UUID.class, node, Timestamp.from(clock.instant()), limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WebhookMessage> messages = new ArrayList<>();
        jdbc.query("""
                select d.id, d.endpoint_id, e.organisation_id, e.url, d.message_id, d.event_type, d.payload,
                       e.secret, e.previous_secret, e.previous_secret_until
                from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                where d.id = any (?) order by d.next_attempt_at""", rs -> {
            UUID endpoint = rs.getObject("endpoint_id", UUID.class);
            List<byte[]> secrets = new ArrayList<>();
            try {
                secrets.add(vault.open(endpoint, rs.getBytes("secret")));
                Timestamp until = rs.getTimestamp("previous_secret_until");
                byte[] previous = rs.getBytes("previous_secret");
                if (previous != null && until != null && until.toInstant().isAfter(now)) {
                    secrets.add(vault.open(endpoint, previous));
                }
            } catch (GeneralSecurityException e) {
                // Another master key than the one that sealed it: nothing can be signed until an operator acts.
                log.error("Webhook endpoint {} secret cannot be decrypted with the master key", endpoint);
                return;
            }
            messages.add(new WebhookMessage(rs.getObject("id", UUID.class), new WebhookEndpointId(endpoint),
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)), URI.create(rs.getString("url")),
                    rs.getString("message_id"), rs.getString("event_type"),
                    rs.getString("payload").getBytes(StandardCharsets.UTF_8), secrets));
        }, (Object) ids.toArray(UUID[]::new));
        return messages;
    }

    /**
     * Writes the outcome of one attempt made under {@code node}'s claim: delivered on a 2xx, else due again
     * after the next delay, or failed for good once the retry period is over, which disables the endpoint (the
     * answer then says so, for its owners to be told). Nothing is written if the claim is no longer this
     * node's (recovered after this node was taken for dead): the row is another's now.
     *
     * @param status  the status the endpoint answered, null when none came
     * @param failure why no status came (a fetch failure's reason), null otherwise
     */
    @Transactional
    public Optional<WebhookDisabled> record(WebhookMessage message, String node, @Nullable Integer status,
                                            long latencyMillis, @Nullable String failure, byte[] answerStart) {
        Instant now = clock.instant();
        boolean delivered = status != null && status >= 200 && status <= 299;
        Map<String, Object> row = jdbc.queryForList("""
                select attempts, retry_until from webhook_delivery where id = ? and claimed_by = ? for update""",
                message.deliveryId(), node).stream().findFirst().orElse(null);
        if (row == null) {
            log.warn("Webhook delivery {} was recovered by another node before its outcome was written",
                    message.deliveryId());
            return Optional.empty();
        }
        jdbc.update("""
                insert into webhook_attempt (id, delivery_id, endpoint_id, attempted_at, status_code, latency_ms,
                    failure, response_excerpt)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), message.deliveryId(),
                message.endpoint().value(), Timestamp.from(now), status, (int) Math.min(latencyMillis, Integer.MAX_VALUE),
                failure, excerpt(answerStart));
        int attempts = ((Number) row.get("attempts")).intValue() + 1;
        if (delivered) {
            jdbc.update("""
                    update webhook_delivery set state = 'DELIVERED', attempts = ?, claimed_by = null, claimed_at = null
                    where id = ?""", attempts, message.deliveryId());
            return Optional.empty();
        }
        Instant next = now.plus(delay(attempts));
        Instant retryUntil = ((Timestamp) row.get("retry_until")).toInstant();
        if (!next.isAfter(retryUntil)) {
            jdbc.update("""
                    update webhook_delivery set attempts = ?, next_attempt_at = ?, claimed_by = null, claimed_at = null
                    where id = ?""", attempts, Timestamp.from(next), message.deliveryId());
            return Optional.empty();
        }
        jdbc.update("""
                update webhook_delivery set state = 'FAILED', attempts = ?, claimed_by = null, claimed_at = null
                where id = ?""", attempts, message.deliveryId());
        List<String> disabled = jdbc.queryForList("""
                update webhook_endpoint set disabled_at = ?, disabled_reason = ?, version = version + 1
                where id = ? and disabled_at is null returning console_base""", String.class, Timestamp.from(now),
                WebhookEndpoint.FAILING, message.endpoint().value());
        if (disabled.isEmpty()) {
            return Optional.empty();
        }
        log.warn("Webhook endpoint {} disabled: delivery {} failed for {}", message.endpoint().value(),
                message.deliveryId(), retryFor);
        return Optional.of(new WebhookDisabled(message.organisation(), message.endpoint(), message.url().toString(),
                disabled.get(0)));
    }

    /** The wait after the {@code attempts}-th failure: doubling from the first retry, up to the longest. */
    Duration delay(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** Gives back what {@code node} claimed and did not send (it is stopping). */
    @Transactional
    public int release(String node) {
        return jdbc.update("""
                update webhook_delivery set claimed_by = null, claimed_at = null
                where claimed_by = ? and state = 'PENDING'""", node);
    }

    /** Gives back the claims of nodes that died (their liveness lease expired), to be sent again. */
    @Transactional
    public int recoverLeftClaims() {
        int recovered = jdbc.update("update webhook_delivery set claimed_by = null, claimed_at = null "
                + "where claimed_by is not null and not " + Leases.liveNode("claimed_by"));
        if (recovered > 0) {
            log.warn("{} webhook deliveries left by a node that stopped are queued again", recovered);
        }
        return recovered;
    }

    /** An endpoint enabled again: what waited is due now, with a full retry period. */
    @Transactional(propagation = Propagation.MANDATORY)
    void resumeAll(WebhookEndpointId endpoint) {
        Instant now = clock.instant();
        jdbc.update("""
                update webhook_delivery set next_attempt_at = ?, retry_until = ?
                where endpoint_id = ? and state = 'PENDING'""", Timestamp.from(now),
                Timestamp.from(now.plus(retryFor)), endpoint.value());
    }

    /** One delivery due again now, with a full retry period; false when the endpoint has no such delivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean resume(WebhookEndpointId endpoint, UUID delivery) {
        Instant now = clock.instant();
        // A row being sent right now keeps its claim, and the outcome of that attempt decides what becomes of it.
        return jdbc.update("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = ?, retry_until = ?
                where id = ? and endpoint_id = ?""", Timestamp.from(now), Timestamp.from(now.plus(retryFor)),
                delivery, endpoint.value()) == 1;
    }

    List<WebhookAttemptView> attempts(WebhookEndpointId endpoint, int limit) {
        return jdbc.query("""
                select a.delivery_id, d.message_id, d.event_type, a.attempted_at, a.status_code, a.latency_ms,
                       a.failure, a.response_excerpt, d.state
                from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                where a.endpoint_id = ? order by a.attempted_at desc, a.id limit ?""", (rs, n) ->
                new WebhookAttemptView(rs.getObject("delivery_id", UUID.class), rs.getString("message_id"),
                        rs.getString("event_type"), rs.getTimestamp("attempted_at").toInstant(),
                        rs.getObject("status_code", Integer.class), rs.getInt("latency_ms"), rs.getString("failure"),
                        rs.getString("response_excerpt") == null ? "" : rs.getString("response_excerpt"),
                        rs.getString("state")), endpoint.value(), limit);
    }

    /**
     * At most {@value #EXCERPT_CHARS} characters of an answer, decoded as UTF-8 (bad bytes replaced), with
     * control characters (line breaks included) turned into spaces: it is shown in a page and never
     * interpreted, but it must not forge lines or hide text either.
     */
    static String excerpt(byte[] answerStart) {
        String text = new String(answerStart, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        text.codePoints().limit(EXCERPT_CHARS).forEach(c -> kept.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c));
        return kept.toString().strip();
    }
}
