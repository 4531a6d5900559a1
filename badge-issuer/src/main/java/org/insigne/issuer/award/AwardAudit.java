package org.insigne.issuer.award;

import java.util.LinkedHashMap;
import java.util.Map;

import org.insigne.issuer.audit.AuditLog;

/**
 * What the audit log keeps of an award: enough for a sentence, and the recipient's address masked, since every
 * member of the staff reads the recent activity.
 */
final class AwardAudit {

    private AwardAudit() {
    }

    static Map<String, String> detail(AwardView award) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("badgeClassId", award.badgeClass().value().toString());
        detail.put("recipient", AuditLog.masked(award.recipientEmail()));
        detail.put("level", award.level());
        if (award.revocationReason() != null) {
            detail.put("reason", award.revocationReason());
        }
        return detail;
    }

    static Map<String, String> detail(AwardView award, String badgeClassName) {
        Map<String, String> detail = detail(award);
        detail.put("badgeClass", badgeClassName);
        return detail;
    }

    /** The same detail for an award stored by a bulk job, before any view of it exists. */
    static Map<String, String> detail(PreparedAward award, String badgeClassName) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("badgeClassId", award.badgeClass.value().toString());
        detail.put("recipient", AuditLog.masked(award.request.recipientEmail()));
        detail.put("level", award.request.level());
        detail.put("badgeClass", badgeClassName);
        return detail;
    }
}
