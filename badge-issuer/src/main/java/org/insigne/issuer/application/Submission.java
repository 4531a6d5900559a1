package org.insigne.issuer.application;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an applicant sends: the narrative (always asked), links and files, each marked public or not, the
 * explicit consent to be awarded the badge, the level asked (when the badge class lets them pick one), and the
 * answers to its questions by position (text as typed, files apart). Checked by {@link EvidenceChecks} and
 * {@link AnswerChecks} against the badge class's settings, since limits depend on them.
 */
public record Submission(String narrative, List<LinkInput> links, List<FileInput> files, boolean consent,
                         @Nullable String reply, @Nullable String level, Map<Integer, String> answers,
                         Map<Integer, FileInput> answerFiles) {

    public static final int MAX_NARRATIVE = 5000;
    public static final int MAX_LINKS = 10;
    public static final int MAX_FILE_NAME = 200;
    public static final int MAX_REPLY = 2000;

    public Submission {
        narrative = narrative == null ? "" : narrative.strip();
        links = List.copyOf(links);
        files = List.copyOf(files);
        reply = reply == null || reply.isBlank() ? null : reply.strip();
        level = level == null || level.isBlank() ? null : level.strip();
        answers = Map.copyOf(answers);
        answerFiles = Map.copyOf(answerFiles);
    }

    /** A submission that picks no level and answers no question. */
    public Submission(String narrative, List<LinkInput> links, List<FileInput> files, boolean consent,
                      @Nullable String reply) {
        this(narrative, links, files, consent, reply, null, Map.of(), Map.of());
    }

    /**
     * This submission with the files of a draft written earlier: its evidence files after the new ones, and its
     * answer files where no new file answers the same question.
     */
    public Submission withFilesOf(Submission draft) {
        List<FileInput> allFiles = new java.util.ArrayList<>(files);
        allFiles.addAll(draft.files());
        Map<Integer, FileInput> allAnswerFiles = new java.util.HashMap<>(draft.answerFiles());
        allAnswerFiles.putAll(answerFiles);
        return new Submission(narrative, links, allFiles, consent, reply, level, answers, allAnswerFiles);
    }

    /** The answer typed for the question at {@code position}, empty when none. */
    public String answer(int position) {
        return answers.getOrDefault(position, "");
    }

    /** A link the applicant gives as evidence; blank ones are dropped before this is built. */
    public record LinkInput(String url, boolean isPublic) {
    }

    /** A file as uploaded: its name as the applicant's browser gave it, and its bytes, not yet checked. */
    public record FileInput(String fileName, byte[] content, boolean isPublic) {
    }
}
