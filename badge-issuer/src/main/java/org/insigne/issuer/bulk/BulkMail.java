package org.insigne.issuer.bulk;

import java.util.Locale;

import org.insigne.issuer.award.AwardView;

/**
 * A mail owed to an earner of a bulk award, in the language the issuer worked in, with links under the address
 * the award was made at.
 */
public record BulkMail(BulkJobId job, int line, AwardView award, String badgeName, String issuerName, Locale locale,
                       String baseUrl) {
}
