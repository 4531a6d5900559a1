package org.insigne.issuer.application;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A question a badge class asks applicants besides the narrative, checked when built: its kind, label, help,
 * whether an answer is required, the longest answer for text kinds, and the choices (one per line) for a
 * choice.
 */
@Embeddable
public record Question(@Enumerated(EnumType.STRING) Kind kind, String label, String help, boolean required,
                       int maxLength, String choices) {

    public static final int MAX_LABEL = 200;
    public static final int MAX_HELP = 500;
    public static final int MAX_SHORT_TEXT = 500;
    public static final int MAX_LONG_TEXT = 5000;
    public static final int MAX_CHOICES = 20;
    public static final int MAX_CHOICE = 200;

    public enum Kind {
        SHORT_TEXT, LONG_TEXT, LINK, FILE, CHOICE, CHECKBOX, DATE;

        /** The longest answer of this kind; a limit only text kinds let the issuer lower. */
        int longest() {
            return switch (this) {
                case SHORT_TEXT -> MAX_SHORT_TEXT;
                case LONG_TEXT -> MAX_LONG_TEXT;
                case LINK -> 500;
                default -> MAX_CHOICE;
            };
        }
    }

    public Question {
        if (kind == null) {
            throw ApplicationRefused.invalid("questions", "question.kind");
        }
        label = label == null ? "" : label.replaceAll("\\s+", " ").strip();
        help = help == null ? "" : help.strip();
        if (label.isEmpty()) {
            throw ApplicationRefused.invalid("questions", "question.label-required");
        }
        if (label.length() > MAX_LABEL) {
            throw ApplicationRefused.invalid("questions", "question.label-too-long", MAX_LABEL);
        }
        if (help.length() > MAX_HELP) {
            throw ApplicationRefused.invalid("questions", "question.help-too-long", label, MAX_HELP);
        }
        boolean text = kind == Kind.SHORT_TEXT || kind == Kind.LONG_TEXT;
        if (!text || maxLength <= 0) {
            maxLength = kind.longest();
        }
        if (maxLength > kind.longest()) {
            throw ApplicationRefused.invalid("questions", "question.max-length", label, kind.longest());
        }
        if (kind == Kind.CHOICE) {
            Set<String> distinct = new LinkedHashSet<>();
            for (String choice : (choices == null ? "" : choices).split("\\R")) {
                String clean = choice.replaceAll("\\s+", " ").strip();
                if (clean.length() > MAX_CHOICE) {
                    throw ApplicationRefused.invalid("questions", "question.choice-too-long", label, MAX_CHOICE);
                }
                if (!clean.isEmpty()) {
                    distinct.add(clean);
                }
            }
            if (distinct.size() < 2 || distinct.size() > MAX_CHOICES) {
                throw ApplicationRefused.invalid("questions", "question.choices", label, MAX_CHOICES);
            }
            choices = String.join("\n", distinct);
        } else {
            choices = "";
        }
    }

    public List<String> choiceList() {
        return choices.isEmpty() ? List.of() : Arrays.asList(choices.split("\n"));
    }
}
