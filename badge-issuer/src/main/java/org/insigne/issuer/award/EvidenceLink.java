package org.insigne.issuer.award;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One more piece of evidence a badge carries beside the award's own: a public address and, for a file, its
 * name. Written into both documents after the award's evidence, in order.
 */
public record EvidenceLink(String url, @Nullable String name) {
    public EvidenceLink {
        Objects.requireNonNull(url, "url");
    }
}
