package org.insigne.issuer.organisation;

import java.time.Instant;
import java.util.UUID;

/** One member of an organisation's staff: the user (an account id of the web module) and their role. */
public record MemberView(UUID userId, StaffRole role, Instant since) {
}
