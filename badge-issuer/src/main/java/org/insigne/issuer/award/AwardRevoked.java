package org.insigne.issuer.award;

/**
 * An award was revoked: published inside the revoking transaction, so that what shows the award (the public
 * badge page's cache) can forget it once that transaction commits.
 */
public record AwardRevoked(AwardId award) {
}
