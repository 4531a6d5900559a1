package org.insigne.issuer.claimcode;

import java.util.UUID;

public record ClaimCodeId(UUID value) {
}
