package org.insigne.issuer.cobuild;

import java.time.Instant;

/**
 * The link a person answers through: its token, shown once (to be mailed) and kept only as a hash, and when it
 * stops working.
 */
public record PersonLink(CoBuildView coBuild, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PersonLink[" + coBuild.id().value() + ", expires " + expiresAt + "]";
    }
}
