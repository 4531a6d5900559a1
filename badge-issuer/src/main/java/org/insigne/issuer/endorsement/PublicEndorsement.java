package org.insigne.issuer.endorsement;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A published endorsement as public pages show it: who, why (sanitised HTML), when, and its two documents. */
public record PublicEndorsement(EndorsementId id, String endorserName, @Nullable String endorserUrl, String commentHtml,
                                Instant endorsedOn, String ob2Url, String ob3Url) {
}
