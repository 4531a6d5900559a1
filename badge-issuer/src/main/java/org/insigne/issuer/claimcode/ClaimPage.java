package org.insigne.issuer.claimcode;

import org.insigne.issuer.badgeclass.PublicBadgeClass;

/** What the public page of a code shows: the badge it gives, who gives it, and whether it can be used now. */
public record ClaimPage(ClaimCodeView code, PublicBadgeClass badgeClass, String issuerName) {
}
