package org.insigne.issuer.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Entries just written to the audit log, inside the transaction of their action: {@code action} done on each of
 * {@code subjects} in organisation {@code organisationId} at {@code at}. Listeners that must commit with the
 * action use a plain, synchronous event listener.
 */
public record AuditRecorded(UUID organisationId, AuditAction action, List<AuditLog.Subject> subjects, Instant at) {

    public AuditRecorded {
        subjects = List.copyOf(subjects);
    }
}
