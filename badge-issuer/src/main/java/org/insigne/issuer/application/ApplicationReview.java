package org.insigne.issuer.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One reviewer's review of one revision of an application: their decision, message and criteria checklist.
 * Kept apart from the application, so that reading an application's state never reads its reviews.
 */
@Entity
@Table(name = "application_review")
class ApplicationReview {

    @Id
    private UUID id;

    private UUID applicationId;

    private UUID reviewerId;

    private int revision;

    @Enumerated(EnumType.STRING)
    private ReviewDecision decision;

    private @Nullable String message;

    private Instant at;

    @ElementCollection
    @CollectionTable(name = "application_review_check", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    private List<CriterionCheck> checks = new ArrayList<>();

    protected ApplicationReview() {
        // for JPA
    }

    ApplicationReview(ApplicationId application, int revision, UUID reviewer, ReviewDecision decision,
                      @Nullable String message, List<CriterionCheck> checks, Instant at) {
        this.id = UUID.randomUUID();
        this.applicationId = application.value();
        this.revision = revision;
        this.reviewerId = reviewer;
        this.decision = decision;
        this.message = message;
        this.checks.addAll(checks);
        this.at = at;
    }

    ReviewRecord view() {
        return new ReviewRecord(reviewerId, revision, decision, message, at, List.copyOf(checks));
    }
}
