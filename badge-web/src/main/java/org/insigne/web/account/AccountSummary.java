package org.insigne.web.account;

import java.util.UUID;

/** Who an account is, as other members of an organisation's staff see them. */
public record AccountSummary(UUID id, String displayName, String email) {
}
