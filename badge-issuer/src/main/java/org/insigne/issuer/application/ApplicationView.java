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
