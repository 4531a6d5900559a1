package org.insigne.issuer.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerChecksTests {

    static final List<Question> QUESTIONS = List.of(
            new Question(Question.Kind.SHORT_TEXT, "Structure", "", true, 20, ""),
            new Question(Question.Kind.CHOICE, "Participants", "", true, 0, "Moins de 10\n\n Plus de 10 \nMoins de 10"),
            new Question(Question.Kind.DATE, "Date", "", false, 0, ""),
            new Question(Question.Kind.LINK, "Page", "", false, 0, ""),
            new Question(Question.Kind.CHECKBOX, "Seul", "", false, 0, ""),
            new Question(Question.Kind.FILE, "Attestation", "", false, 0, ""),
            new Question(Question.Kind.LONG_TEXT, "Appris", "", false, 0, ""));
    static final ApplicationSettings SETTINGS = new ApplicationSettings("", "", true, 2, 1, null, null, null, true,
            QUESTIONS, 1);

    @Test
    void keepsEachAnswerUnderItsQuestionsLabelInOrder() {
        AnswerChecks.Checked checked = AnswerChecks.answers(submission(Map.of(0, "  Centre   social ", 1, "Plus de 10",
                        2, "2026-03-01", 3, "https://example.org/asso", 4, "on"),
                Map.of(5, new Submission.FileInput("../attestation.pdf", EvidenceChecksTests.PDF, true))), SETTINGS);
        assertThat(checked.answers()).extracting(Answer::label)
                .containsExactly("Structure", "Participants", "Date", "Page", "Seul", "Attestation", "Appris");
        assertThat(checked.answers()).extracting(Answer::content).containsExactly("Centre social", "Plus de 10",
                "2026-03-01", "https://example.org/asso", "true", "attestation.pdf", null);
        assertThat(checked.files()).singleElement().satisfies(f -> {
            assertThat(f.evidence().mediaType()).isEqualTo("application/pdf");
            assertThat(f.evidence().isPublic()).isFalse();
            assertThat(checked.answers().get(5).fileId()).isEqualTo(f.evidence().id());
        });
        assertThat(QUESTIONS.get(1).choiceList()).containsExactly("Moins de 10", "Plus de 10");
    }

    @Test
    void refusesMissingTooLongOrMalformedAnswersNamingTheQuestion() {
        assertRefused(Map.of(1, "Plus de 10"), "error.application.answer.required", "Structure");
        assertRefused(Map.of(0, "x".repeat(21), 1, "Plus de 10"), "error.application.answer.too-long", "Structure");
        assertRefused(Map.of(0, "Centre", 1, "Plus de 100"), "error.application.answer.choice", "Participants");
        for (String date : List.of("2026-02-30", "01/03/2026", "1800-01-01", "<script>")) {
            assertRefused(Map.of(0, "Centre", 1, "Plus de 10", 2, date), "error.application.answer.date", "Date");
        }
        for (String link : List.of("javascript:alert(1)", "data:text/html,hi", "ftp://example.org/")) {
            assertRefused(Map.of(0, "Centre", 1, "Plus de 10", 3, link), "error.application.answer.link", "Page");
        }
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AnswerChecks.answers(submission(Map.of(0, "Centre", 1, "Plus de 10"),
                Map.of(5, new Submission.FileInput("attestation.pdf", html, false))), SETTINGS))
                .isInstanceOfSatisfying(ApplicationRefused.class, r -> assertThat(r.field()).isEqualTo("answer5"))
                .hasMessage("error.application.file-type");
    }

    @Test
    void refusesQuestionsWithoutLabelOrChoicesAndTooMany() {
        assertThatThrownBy(() -> new Question(Question.Kind.SHORT_TEXT, " ", "", false, 0, ""))
                .hasMessage("error.application.question.label-required");
        assertThatThrownBy(() -> new Question(null, "Sans type", "", false, 0, ""))
                .hasMessage("error.application.question.kind");
        assertThatThrownBy(() -> new Question(Question.Kind.CHOICE, "Un seul", "", false, 0, "Oui\nOui"))
                .hasMessage("error.application.question.choices");
        assertThatThrownBy(() -> new Question(Question.Kind.SHORT_TEXT, "Long", "", false, 501, ""))
                .hasMessage("error.application.question.max-length");
        assertThatThrownBy(() -> new Question(Question.Kind.LONG_TEXT, "x".repeat(201), "", false, 0, ""))
                .hasMessage("error.application.question.label-too-long");
        assertThatThrownBy(() -> new ApplicationSettings("", "", true, 2, 1, null, null, null, false,
                java.util.Collections.nCopies(11, QUESTIONS.get(0)), 1))
                .hasMessage("error.application.settings.questions");
        assertThat(new Question(Question.Kind.DATE, "Date", "", false, 42, "a\nb"))
                .satisfies(q -> assertThat(q.choices()).isEmpty());
    }

    private static void assertRefused(Map<Integer, String> answers, String key, String label) {
        assertThatThrownBy(() -> AnswerChecks.answers(submission(answers, Map.of()), SETTINGS))
                .as(answers.toString())
                .isInstanceOfSatisfying(ApplicationRefused.class, r -> assertThat(r.args()).first().isEqualTo(label))
                .hasMessage(key);
    }

    private static Submission submission(Map<Integer, String> answers, Map<Integer, Submission.FileInput> files) {
        return new Submission("Récit", List.of(), List.of(), true, null, "Je fais", answers, files);
    }
}
