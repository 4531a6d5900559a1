package org.insigne.issuer.claimcode;

import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.award.AwardView;
import org.jspecify.annotations.Nullable;

/** What using a code gave: an award, or an application waiting for a reviewer. */
public record ClaimOutcome(ClaimMode mode, @Nullable AwardView award, @Nullable ApplicationView application,
                           String badgeClassName, String issuerName) {
}
