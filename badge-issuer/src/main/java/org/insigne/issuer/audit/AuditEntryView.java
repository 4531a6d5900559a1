package org.insigne.issuer.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One audit entry as the console shows it. {@code actorId} is null for what the system did on its own (a key
 * generated on first need, a badge claimed by its earner); {@code actorEmail} is the address when they acted.
 */
public record AuditEntryView(UUID id, UUID organisationId, @Nullable UUID actorId, @Nullable String actorEmail,
                             AuditAction action, UUID subjectId, Map<String, String> detail, Instant at) {

    public AuditEntryView {
        detail = Map.copyOf(detail);
    }

    public AuditAction.Subject subjectType() {
        return action.subject();
    }

    /** A detail by name, or an empty text when the entry has none (older entries may lack newer details). */
    public String detail(String name) {
        return detail.getOrDefault(name, "");
    }
}
