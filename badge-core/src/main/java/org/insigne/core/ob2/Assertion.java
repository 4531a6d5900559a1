package org.insigne.core.ob2;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One award of a badge to a recipient (OB 2.0 Assertion). {@link #json()} is the document as read, with
 * any extension properties; a signed assertion is kept and served as its original JWS, never re-serialised.
 */
public record Assertion(URI id, List<String> types, IdentityObject recipient, Ref<BadgeClass> badge,
                        VerificationObject verification, Instant issuedOn, @Nullable Instant expires,
                        @Nullable Image image, List<Evidence> evidence, @Nullable String narrative,
                        boolean revoked, @Nullable String revocationReason, @Nullable String uid,
                        List<Ref<Endorsement>> endorsements, JsonNode json) {

    public Assertion {
        Objects.requireNonNull(id, "id");
        types = List.copyOf(types);
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(issuedOn, "issuedOn");
        evidence = List.copyOf(evidence);
        endorsements = List.copyOf(endorsements);
        Objects.requireNonNull(json, "json");
    }

    public boolean isSigned() {
        return verification.kind() == VerificationObject.Kind.SIGNED;
    }
}
