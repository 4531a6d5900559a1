package org.insigne.issuer.apitoken;

import java.util.UUID;

public record ApiTokenId(UUID value) {
}
