package org.insigne.issuer.bulk;

import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardView;

/**
 * A mail owed to an earner of a bulk award, in the language the issuer worked in, with links under the address
 * the award was made at; {@code key} is its idempotency key, stored with the row, which the mail carries as its
 * Message-ID.
 */
public record BulkMail(BulkJobId job, int line, UUID key, AwardView award, String badgeName, String issuerName, Locale locale,
                       String baseUrl) {
}
