package org.insigne.issuer.cobuild;

import org.insigne.issuer.award.AwardView;

/** A co-built badge just awarded, with the names its award mail gives. */
public record CoBuildAwarded(CoBuildView coBuild, AwardView award, String badgeName, String issuerName) {
}
