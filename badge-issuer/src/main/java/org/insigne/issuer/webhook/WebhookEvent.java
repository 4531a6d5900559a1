package org.insigne.issuer.webhook;

import java.util.Arrays;
import java.util.Optional;

import org.insigne.issuer.audit.AuditAction;

/**
 * What an endpoint may subscribe to. The code is what receivers read in the payload's {@code type}: add
 * constants, never rename a code. Each is raised by the audit entries of its actions, which are written in the
 * transaction of the change itself.
 */
public enum WebhookEvent {
    AWARD_CREATED("award.created", AuditAction.AWARD_CREATED),
    AWARD_CLAIMED("award.claimed", AuditAction.AWARD_CLAIMED),
    AWARD_REVOKED("award.revoked", AuditAction.AWARD_REVOKED),
    APPLICATION_SUBMITTED("application.submitted", AuditAction.APPLICATION_SUBMITTED),
    APPLICATION_DECIDED("application.decided", AuditAction.APPLICATION_AWARDED, AuditAction.APPLICATION_REFUSED),
    ENDORSEMENT_PUBLISHED("endorsement.published", AuditAction.ENDORSEMENT_ACCEPTED);

    private final String code;
    private final AuditAction[] raisedBy;

    WebhookEvent(String code, AuditAction... raisedBy) {
        this.code = code;
        this.raisedBy = raisedBy;
    }

    public String code() {
        return code;
    }

    public static Optional<WebhookEvent> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    static Optional<WebhookEvent> raisedBy(AuditAction action) {
        return Arrays.stream(values()).filter(e -> Arrays.asList(e.raisedBy).contains(action)).findFirst();
    }
}
