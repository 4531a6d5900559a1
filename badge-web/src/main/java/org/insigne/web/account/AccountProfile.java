package org.insigne.web.account;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Everything the account itself holds about a person, for the export of their data. */
public record AccountProfile(UUID id, String email, String displayName, String preferredLanguage, Instant createdAt,
                             @Nullable Instant emailConfirmedAt) {
}
