package org.insigne.issuer.application;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * An applicant's answer to one question, with the question's label as it was asked, so that changing the
 * questions later does not change what an application says. {@code content}: the text, address, choice,
 * ISO date, "true" for a ticked box, or the file's name; a file's bytes live with the evidence files under
 * {@code fileId}. Null when an optional question was left blank.
 */
@Embeddable
public record Answer(String label, @Enumerated(EnumType.STRING) Question.Kind kind, @Nullable String content,
                     @Nullable UUID fileId, @Nullable String mediaType) {

    public boolean isFile() {
        return fileId != null;
    }

    /** A date question's answer as a date, to be shown in the reader's language; null for any other. */
    public @Nullable LocalDate date() {
        return kind == Question.Kind.DATE && content != null ? LocalDate.parse(content) : null;
    }
}
