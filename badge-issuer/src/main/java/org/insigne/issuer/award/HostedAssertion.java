package org.insigne.issuer.award;

import org.jspecify.annotations.Nullable;

/**
 * A hosted OB 2.0 assertion as served: the stored bytes while valid; once revoked, a short document saying so
 * (to be served with 410 Gone). {@code badgeClassName} and {@code issuerName} are for the human page.
 */
public record HostedAssertion(AwardId id, byte[] json, boolean revoked, @Nullable String revocationReason,
                              String badgeClassName, String issuerName, String level,
                              java.time.Instant issuedOn, java.time.@Nullable Instant expiresAt,
                              java.util.UUID badgeClassId) {
}
