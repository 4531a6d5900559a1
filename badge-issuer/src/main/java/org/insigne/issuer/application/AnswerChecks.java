package org.insigne.issuer.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.insigne.issuer.organisation.OrganisationProfile;

/**
 * Checks an applicant's answers against the badge class's questions: required ones answered, text within its
 * limit, links http or https, a choice among those offered, a real date, a file by its content like any
 * evidence file. Refusals name the question by its label.
 */
final class AnswerChecks {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private AnswerChecks() {
    }

    /** The answers to keep, in the questions' order, and the files to store beside them. */
    record Checked(List<Answer> answers, List<EvidenceChecks.CheckedFile> files) {
    }

    static Checked answers(Submission submission, ApplicationSettings settings) {
        List<Answer> answers = new ArrayList<>();
        List<EvidenceChecks.CheckedFile> files = new ArrayList<>();
        List<Question> questions = settings.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String field = "answer" + i;
            if (question.kind() == Question.Kind.FILE) {
                Submission.FileInput file = submission.answerFiles().get(i);
                if (file == null) {
                    required(question, field);
                    answers.add(new Answer(question.label(), question.kind(), null, null, null));
                } else {
                    // An answer is for reviewers: whatever the form said, it is never public evidence.
                    EvidenceChecks.CheckedFile checked = EvidenceChecks.file(
                            new Submission.FileInput(file.fileName(), file.content(), false), settings, field);
                    files.add(checked);
                    answers.add(new Answer(question.label(), question.kind(), checked.evidence().fileName(),
                            checked.evidence().id(), checked.evidence().mediaType()));
                }
                continue;
            }
            String text = content(question, submission.answer(i).strip(), field);
            if (text.isEmpty()) {
                required(question, field);
            }
            answers.add(new Answer(question.label(), question.kind(), text.isEmpty() ? null : text, null, null));
        }
        return new Checked(answers, files);
    }

    private static String content(Question question, String text, String field) {
        if (question.kind() == Question.Kind.SHORT_TEXT) {
            text = text.replaceAll("\\s+", " ");
        }
        if (text.length() > question.maxLength()) {
            throw ApplicationRefused.invalid(field, "answer.too-long", question.label(), question.maxLength());
        }
        if (text.isEmpty()) {
            return text;
        }
        return switch (question.kind()) {
            case LINK -> {
                if (!OrganisationProfile.isWebAddress(text)) {
                    throw ApplicationRefused.invalid(field, "answer.link", question.label());
                }
                yield text;
            }
            case CHOICE -> {
                if (!question.choiceList().contains(text)) {
                    throw ApplicationRefused.invalid(field, "answer.choice", question.label());
                }
                yield text;
            }
            case CHECKBOX -> "true";
            case DATE -> {
                try {
                    LocalDate date = LocalDate.parse(text);
                    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                        throw ApplicationRefused.invalid(field, "answer.date", question.label());
                    }
                    yield date.toString();
                } catch (DateTimeParseException e) {
                    throw ApplicationRefused.invalid(field, "answer.date", question.label());
                }
            }
            default -> text;
        };
    }

    private static void required(Question question, String field) {
        if (question.required()) {
            throw ApplicationRefused.invalid(field, "answer.required", question.label());
        }
    }
}
