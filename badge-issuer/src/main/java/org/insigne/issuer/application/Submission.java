package org.insigne.issuer.application;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an applicant sends: the narrative (always asked), links and files, each marked public or not, and the
 * explicit consent to be awarded the badge. Checked by {@link EvidenceChecks} against the badge class's
 * settings, since limits depend on them.
 */
public record Submission(String narrative, List<LinkInput> links, List<FileInput> files, boolean consent,
                         @Nullable String reply) {

    public static final int MAX_NARRATIVE = 5000;
    public static final int MAX_LINKS = 10;
    public static final int MAX_FILE_NAME = 200;
    public static final int MAX_REPLY = 2000;

    public Submission {
        narrative = narrative == null ? "" : narrative.strip();
        links = List.copyOf(links);
        files = List.copyOf(files);
        reply = reply == null || reply.isBlank() ? null : reply.strip();
    }

    /** A link the applicant gives as evidence; blank ones are dropped before this is built. */
    public record LinkInput(String url, boolean isPublic) {
    }

    /** A file as uploaded: its name as the applicant's browser gave it, and its bytes, not yet checked. */
    public record FileInput(String fileName, byte[] content, boolean isPublic) {
    }
}
