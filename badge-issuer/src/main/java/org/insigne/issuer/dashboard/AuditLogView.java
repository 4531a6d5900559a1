package org.insigne.issuer.dashboard;

import java.util.Map;
import java.util.UUID;

import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditPage;
import org.insigne.issuer.organisation.OrganisationView;
import org.jspecify.annotations.Nullable;

/** One page of an organisation's audit log, with the filter it was read with ({@code null}: every action). */
public record AuditLogView(OrganisationView organisation, AuditPage page, @Nullable AuditAction filter,
                           Map<UUID, String> badgeClassNames) {

    public AuditLogView {
        badgeClassNames = Map.copyOf(badgeClassNames);
    }
}
