package org.insigne.issuer.audit;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit log. Each feature's service calls {@link #record} inside its own transaction, so an
 * entry exists exactly when the action it records was committed. Each write is also published as an
 * {@link AuditRecorded} event, synchronously, in that transaction: what listeners write then (the webhooks'
 * outbox) commits or rolls back with the action. Reading does no role check: callers (the
 * dashboard) check that the reader may see the organisation's log.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    /** Longest text kept per detail: details describe, they are not a copy of the data. */
    static final int MAX_DETAIL_LENGTH = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAIL = new TypeReference<>() { };
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AuditEntryRepository entries;
    private final ObjectProvider<ActorDirectory> actors;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    @PersistenceContext
    private EntityManager entityManager;

    AuditLog(AuditEntryRepository entries, ObjectProvider<ActorDirectory> actors, Clock clock, JdbcTemplate jdbc,
             ApplicationEventPublisher events) {
        this.events = events;
        this.entries = entries;
        this.actors = actors;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What one of many entries of the same action by the same actor is about: its subject and detail. */
    public record Subject(UUID id, Map<String, String> detail) {
    }

    /**
     * Records that {@code actorId} (null for the system itself) did {@code action} on {@code subjectId}. Refused
     * outside a transaction, since an entry must commit or roll back with its action.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID organisationId, @Nullable UUID actorId, AuditAction action, UUID subjectId,
                       Map<String, String> detail) {
        Instant now = clock.instant();
        entityManager.persist(new AuditEntry(organisationId, actorId, emailOf(actorId), action, subjectId,
                kept(detail), now));
        events.publishEvent(new AuditRecorded(organisationId, action, List.of(new Subject(subjectId, detail)), now));
    }

    /**
     * Records that {@code actorId} did {@code action} on each of {@code subjects}, as {@link #record} would one
     * by one, but looking the actor's address up once and writing the entries in one statement batch (a bulk
     * award stores thousands). Refused outside a transaction, like {@link #record}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(UUID organisationId, @Nullable UUID actorId, AuditAction action, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        String email = emailOf(actorId);
        Instant at = clock.instant();
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.batchUpdate("""
                insert into audit_entry (id, organisation_id, actor_id, actor_email, action, subject_type, subject_id,
                    detail, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", subjects, subjects.size(), (ps, subject) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, organisationId);
            ps.setObject(3, actorId, Types.OTHER);
            ps.setString(4, email);
            ps.setString(5, action.name());
            ps.setString(6, action.subject().name());
            ps.setObject(7, subject.id());
            ps.setString(8, kept(subject.detail()));
            ps.setObject(9, now);
        });
        events.publishEvent(new AuditRecorded(organisationId, action, subjects, at));
    }

    private @Nullable String emailOf(@Nullable UUID actorId) {
        if (actorId == null) {
            return null;
        }
        ActorDirectory directory = actors.getIfAvailable();
        return directory == null ? null : directory.emailOf(actorId).orElse(null);
    }

    private static String kept(Map<String, String> detail) {
        Map<String, String> kept = new LinkedHashMap<>();
        detail.forEach((name, value) -> kept.put(name,
                value.length() > MAX_DETAIL_LENGTH ? value.substring(0, MAX_DETAIL_LENGTH) : value));
        return JSON.writeValueAsString(kept);
    }

    /** The {@code limit} newest entries of an organisation. */
    public List<AuditEntryView> recent(UUID organisationId, int limit) {
        return entries.findByOrganisationId(organisationId, PageRequest.of(0, limit, NEWEST_FIRST))
                .map(AuditLog::viewOf).getContent();
    }

    /** One page of an organisation's log, newest first, of one action only when {@code action} is given. */
    public AuditPage page(UUID organisationId, @Nullable AuditAction action, int number, int size) {
        PageRequest request = PageRequest.of(Math.max(0, number), size, NEWEST_FIRST);
        Page<AuditEntry> page = action == null
                ? entries.findByOrganisationId(organisationId, request)
                : entries.findByOrganisationIdAndAction(organisationId, action, request);
        return new AuditPage(page.map(AuditLog::viewOf).getContent(), request.getPageNumber(), size,
                page.getTotalElements());
    }

    /**
     * An e-mail address shown to people who need not know it: first character of the local part, then the
     * domain ({@code j***@example.org}).
     */
    public static String masked(@Nullable String email) {
        if (email == null) {
            return "***";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    private static AuditEntryView viewOf(AuditEntry entry) {
        return new AuditEntryView(entry.id(), entry.organisationId(), entry.actorId(), entry.actorEmail(),
                entry.action(), entry.subjectId(), JSON.readValue(entry.detail(), DETAIL), entry.createdAt());
    }
}
