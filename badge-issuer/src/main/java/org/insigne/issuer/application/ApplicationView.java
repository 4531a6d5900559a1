package org.insigne.issuer.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * An application as its applicant and its reviewers see it, with its evidence and history in order, the level
 * asked (null when the badge class did not ask) and the answers to its questions.
 */
public record ApplicationView(ApplicationId id, OrganisationId organisation, BadgeClassId badgeClass,
                              String badgeClassName, UUID applicantId, String applicantEmail, String applicantName,
                              Locale locale, String narrative, ApplicationState state, int revision,
                              Instant createdAt, Instant submittedAt, @Nullable AwardId award,
                              List<Evidence> evidence, List<ApplicationEvent> history, @Nullable String level,
                              List<Answer> answers) {

    /**
     * What the application answered, as a submission to fill its form again: the level, and each of the
     * badge class's current questions with the answer given to the question of the same label (files apart).
     */
    public Submission asSubmission(ApplicationSettings settings) {
        java.util.Map<Integer, String> given = new java.util.HashMap<>();
        List<Question> questions = settings.questions();
        for (int i = 0; i < questions.size(); i++) {
            String label = questions.get(i).label();
            int position = i;
            answers.stream().filter(a -> a.label().equals(label) && !a.isFile() && a.content() != null).findFirst()
                    .ifPresent(a -> given.put(position, a.kind() == Question.Kind.CHECKBOX ? "on" : a.content()));
        }
        return new Submission(narrative, List.of(), List.of(), false, null, level, given, java.util.Map.of());
    }

    /** The last message a reviewer wrote (changes asked, refusal's reason, award's message), if any. */
    public @Nullable String lastReviewerMessage() {
        for (int i = history.size() - 1; i >= 0; i--) {
            ApplicationEvent event = history.get(i);
            if (event.kind() != ApplicationEvent.Kind.SUBMITTED && event.kind() != ApplicationEvent.Kind.RESUBMITTED
                    && event.kind() != ApplicationEvent.Kind.WITHDRAWN) {
                return event.message();
            }
        }
        return null;
    }
}
