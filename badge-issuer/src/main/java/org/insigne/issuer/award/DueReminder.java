package org.insigne.issuer.award;

import java.time.Instant;
import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * An award whose earner should hear that it expires soon, with what the mail says: the badge, its issuer, the
 * date, and whom to ask about renewing it (the issuer's contact address or website, when it gave one).
 * {@code assertionUrl} is the id of its hosted assertion, the badge's public address, written under the base
 * the award was made at (what a scheduled job, outside any request, can link to). {@code mailKey} becomes the
 * mail's Message-ID once claimed.
 */
public record DueReminder(AwardId award, OrganisationId organisation, BadgeClassId badgeClass, String recipientEmail,
                          String recipientName, Instant expiresAt, String badgeName, String issuerName,
                          @Nullable String contactEmail, @Nullable String websiteUrl, String assertionUrl,
                          UUID mailKey) {
}
