package org.insigne.web.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.Question;
import org.jspecify.annotations.Nullable;

/**
 * The questions part of the settings form, as typed: numbered rows {@code q0Label, q0Kind, q0Help,
 * q0Required, q0Max, q0Choices…}, so that the form works without JavaScript and shows again what was typed
 * when the settings are refused. A row left blank asks nothing, which is also how a question is removed; two
 * blank rows follow the questions so that new ones can be added.
 */
final class QuestionRows {

    private static final int BLANK_ROWS = 2;

    private QuestionRows() {
    }

    /** One question's fields as the form shows them. */
    record Row(String label, String kind, String help, boolean required, String max, String choices) {

        static final Row BLANK = new Row("", Question.Kind.SHORT_TEXT.name(), "", false, "", "");

        boolean isBlank() {
            return label.isBlank() && help.isBlank() && choices.isBlank();
        }
    }

    static List<Row> of(List<Question> questions) {
        List<Row> rows = new ArrayList<>();
        for (Question q : questions) {
            boolean text = q.kind() == Question.Kind.SHORT_TEXT || q.kind() == Question.Kind.LONG_TEXT;
            rows.add(new Row(q.label(), q.kind().name(), q.help(), q.required(),
                    text ? String.valueOf(q.maxLength()) : "", q.choices()));
        }
        return withBlanks(rows);
    }

    static List<Row> read(HttpServletRequest request) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ApplicationSettings.MAX_QUESTIONS; i++) {
            Row row = new Row(param(request, "q" + i + "Label"), param(request, "q" + i + "Kind"),
                    param(request, "q" + i + "Help"), request.getParameter("q" + i + "Required") != null,
                    param(request, "q" + i + "Max"), param(request, "q" + i + "Choices"));
            if (!row.isBlank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The questions the rows ask; a bad row is refused by {@link Question} with its label. */
    static List<Question> questions(List<Row> rows) {
        List<Question> questions = new ArrayList<>();
        for (Row row : rows) {
            questions.add(new Question(kind(row.kind()), row.label(), row.help(), row.required(), max(row.max()),
                    row.choices()));
        }
        return questions;
    }

    static List<Row> withBlanks(List<Row> rows) {
        List<Row> shown = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS && shown.size() < ApplicationSettings.MAX_QUESTIONS; i++) {
            shown.add(Row.BLANK);
        }
        return shown;
    }

    private static Question.@Nullable Kind kind(String kind) {
        for (Question.Kind candidate : Question.Kind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        return null;
    }

    /** A limit that is not a whole number counts as none given: the kind's own limit applies. */
    private static int max(String max) {
        try {
            return max.isBlank() ? 0 : Integer.parseInt(max.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
