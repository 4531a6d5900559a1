package org.insigne.issuer.application;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a badge class takes applications, checked when built: instructions for applicants and reviewers, whether
 * links are accepted, how many files (PDF, JPEG, PNG) of how many megabytes, optional opening and closing days
 * (both included, in the platform's display time zone), an optional cap on applications, whether the applicant
 * picks the level they ask for among the badge class's levels, the questions asked besides the narrative, and
 * how many distinct reviewers must approve an application before its badge is awarded.
 */
public record ApplicationSettings(String applicantInstructions, String reviewerInstructions, boolean linksAccepted,
                                  int maxFiles, int maxFileMegabytes, @Nullable LocalDate opensOn,
                                  @Nullable LocalDate closesOn, @Nullable Integer maxApplications, boolean askLevel,
                                  List<Question> questions, int requiredApprovals) {

    public static final int MAX_INSTRUCTIONS = 5000;
    public static final int MAX_FILES = 10;
    public static final int MAX_FILE_MEGABYTES = 10;
    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_APPROVALS = 5;

    public static final ApplicationSettings DEFAULTS = new ApplicationSettings("", "", true, 3, 5, null, null, null);

    public ApplicationSettings {
        applicantInstructions = applicantInstructions == null ? "" : applicantInstructions.strip();
        reviewerInstructions = reviewerInstructions == null ? "" : reviewerInstructions.strip();
        if (applicantInstructions.length() > MAX_INSTRUCTIONS) {
            throw ApplicationRefused.invalid("applicantInstructions", "settings.instructions", MAX_INSTRUCTIONS);
        }
        if (reviewerInstructions.length() > MAX_INSTRUCTIONS) {
            throw ApplicationRefused.invalid("reviewerInstructions", "settings.instructions", MAX_INSTRUCTIONS);
        }
        if (maxFiles < 0 || maxFiles > MAX_FILES) {
            throw ApplicationRefused.invalid("maxFiles", "settings.max-files", MAX_FILES);
        }
        if (maxFileMegabytes < 1 || maxFileMegabytes > MAX_FILE_MEGABYTES) {
            throw ApplicationRefused.invalid("maxFileMegabytes", "settings.max-file-size", MAX_FILE_MEGABYTES);
        }
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            throw ApplicationRefused.invalid("closesOn", "settings.dates");
        }
        if (maxApplications != null && maxApplications < 1) {
            throw ApplicationRefused.invalid("maxApplications", "settings.cap");
        }
        questions = List.copyOf(questions);
        if (questions.size() > MAX_QUESTIONS) {
            throw ApplicationRefused.invalid("questions", "settings.questions", MAX_QUESTIONS);
        }
        if (requiredApprovals < 1 || requiredApprovals > MAX_APPROVALS) {
            throw ApplicationRefused.invalid("requiredApprovals", "settings.approvals", MAX_APPROVALS);
        }
    }

    /** Settings without a level to pick nor questions, one approval awarding: the narrative and evidence only. */
    public ApplicationSettings(String applicantInstructions, String reviewerInstructions, boolean linksAccepted,
                               int maxFiles, int maxFileMegabytes, @Nullable LocalDate opensOn,
                               @Nullable LocalDate closesOn, @Nullable Integer maxApplications) {
        this(applicantInstructions, reviewerInstructions, linksAccepted, maxFiles, maxFileMegabytes, opensOn,
                closesOn, maxApplications, false, List.of(), 1);
    }
}
