package org.insigne.issuer.application;

import java.util.UUID;

public record ApplicationId(UUID value) {
}
