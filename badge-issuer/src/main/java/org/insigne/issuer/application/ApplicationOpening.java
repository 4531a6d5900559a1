package org.insigne.issuer.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/** Whether and how one badge class takes applications; closing keeps the settings for the next opening. */
@Entity
@Table(name = "application_opening")
class ApplicationOpening {

    @Id
    private UUID badgeClassId;

    private UUID organisationId;

    private boolean open;

    private String applicantInstructions;

    private String reviewerInstructions;

    private boolean linksAccepted;

    private int maxFiles;

    private int maxFileMegabytes;

    private @Nullable LocalDate opensOn;

    private @Nullable LocalDate closesOn;

    private @Nullable Integer maxApplications;

    private boolean askLevel;

    private int requiredApprovals;

    @ElementCollection
    @CollectionTable(name = "application_question", joinColumns = @JoinColumn(name = "badge_class_id"))
    @OrderColumn(name = "position")
    private List<Question> questions = new ArrayList<>();

    private Instant updatedAt;

    @Version
    private long version;

    protected ApplicationOpening() {
        // for JPA
    }

    ApplicationOpening(BadgeClassId badgeClass, OrganisationId organisation, ApplicationSettings settings, Instant now) {
        this.badgeClassId = badgeClass.value();
        this.organisationId = organisation.value();
        open(settings, now);
    }

    void open(ApplicationSettings settings, Instant now) {
        this.open = true;
        this.applicantInstructions = settings.applicantInstructions();
        this.reviewerInstructions = settings.reviewerInstructions();
        this.linksAccepted = settings.linksAccepted();
        this.maxFiles = settings.maxFiles();
        this.maxFileMegabytes = settings.maxFileMegabytes();
        this.opensOn = settings.opensOn();
        this.closesOn = settings.closesOn();
        this.maxApplications = settings.maxApplications();
        this.askLevel = settings.askLevel();
        this.requiredApprovals = settings.requiredApprovals();
        this.questions.clear();
        this.questions.addAll(settings.questions());
        this.updatedAt = now;
    }

    void close(Instant now) {
        this.open = false;
        this.updatedAt = now;
    }

    boolean isOpen() {
        return open;
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    ApplicationSettings settings() {
        return new ApplicationSettings(applicantInstructions, reviewerInstructions, linksAccepted, maxFiles,
                maxFileMegabytes, opensOn, closesOn, maxApplications, askLevel, List.copyOf(questions),
                requiredApprovals);
    }
}
