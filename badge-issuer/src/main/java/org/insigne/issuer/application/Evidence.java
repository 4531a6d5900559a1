package org.insigne.issuer.application;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence: a link ({@code url}) or a file ({@code fileName}, its checked {@code mediaType} and
 * size; the bytes are kept apart). {@code isPublic}: the applicant lets the badge show it.
 */
@Embeddable
public record Evidence(UUID id, @Nullable String url, @Nullable String fileName, @Nullable String mediaType,
                       int size, @Column(name = "is_public") boolean isPublic) {

    public boolean isFile() {
        return fileName != null;
    }
}
