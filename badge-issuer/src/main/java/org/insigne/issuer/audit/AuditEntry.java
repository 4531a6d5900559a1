package org.insigne.issuer.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One line of an organisation's audit log; written once, never changed. */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    private UUID id;

    private UUID organisationId;

    private @Nullable UUID actorId;

    private @Nullable String actorEmail;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    private AuditAction.Subject subjectType;

    private UUID subjectId;

    private String detail;

    private Instant createdAt;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(UUID organisationId, @Nullable UUID actorId, @Nullable String actorEmail, AuditAction action,
               UUID subjectId, String detail, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.actorId = actorId;
        this.actorEmail = actorEmail;
        this.action = action;
        this.subjectType = action.subject();
        this.subjectId = subjectId;
        this.detail = detail;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    UUID organisationId() {
        return organisationId;
    }

    @Nullable UUID actorId() {
        return actorId;
    }

    @Nullable String actorEmail() {
        return actorEmail;
    }

    AuditAction action() {
        return action;
    }

    UUID subjectId() {
        return subjectId;
    }

    String detail() {
        return detail;
    }

    Instant createdAt() {
        return createdAt;
    }
}
