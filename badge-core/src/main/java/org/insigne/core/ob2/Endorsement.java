package org.insigne.core.ob2;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A third party's claim about an assertion, badge class or issuer (OB 2.0 Endorsement); verified like an
 * assertion. {@code claimId} is the endorsed document's id.
 */
public record Endorsement(URI id, URI claimId, @Nullable String endorsementComment, Ref<Profile> issuer,
                          Instant issuedOn, VerificationObject verification, boolean revoked, JsonNode json) {

    public Endorsement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(json, "json");
    }
}
