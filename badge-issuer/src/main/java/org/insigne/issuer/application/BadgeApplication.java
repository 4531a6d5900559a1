package org.insigne.issuer.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import jakarta.persistence.Version;
import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * One person's application for one badge class: their narrative, evidence and consent, and its history.
 * Each move checks the state it starts from, so that a decision is taken once.
 */
@Entity
@Table(name = "badge_application")
class BadgeApplication {

    @Id
    private UUID id;

    private UUID organisationId;

    private UUID badgeClassId;

    private UUID applicantId;

    private String applicantEmail;

    private String applicantName;

    private String locale;

    private String narrative;

    /** The level the applicant asks for, when the badge class lets them pick one. */
    private @Nullable String level;

    @Enumerated(EnumType.STRING)
    private ApplicationState state;

    /** How many times the applicant sent it again after being asked for changes. */
    private int revision;

    private Instant consentAt;

    private Instant createdAt;

    /** When it was last sent: what the queue's waiting time counts from. */
    private Instant submittedAt;

    private @Nullable UUID awardId;

    /** The reviewer who said they would look at it; anyone may still decide. */
    private @Nullable UUID assigneeId;

    @ElementCollection
    @CollectionTable(name = "application_evidence", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<Evidence> evidence = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "application_answer", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<Answer> answers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "application_event", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<ApplicationEvent> history = new ArrayList<>();

    @Version
    private long version;

    protected BadgeApplication() {
        // for JPA
    }

    BadgeApplication(OrganisationId organisation, BadgeClassId badgeClass, Applicant applicant, String narrative,
                     List<Evidence> evidence, Instant now) {
        this(organisation, badgeClass, applicant, narrative, null, List.of(), evidence, now);
    }

    BadgeApplication(OrganisationId organisation, BadgeClassId badgeClass, Applicant applicant, String narrative,
                     @Nullable String level, List<Answer> answers, List<Evidence> evidence, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisation.value();
        this.badgeClassId = badgeClass.value();
        this.applicantId = applicant.id();
        this.applicantEmail = applicant.email();
        this.applicantName = applicant.name();
        this.locale = applicant.locale().toLanguageTag();
        this.narrative = narrative;
        this.level = level;
        this.answers.addAll(answers);
        this.state = ApplicationState.SUBMITTED;
        this.consentAt = now;
        this.createdAt = now;
        this.submittedAt = now;
        this.evidence.addAll(evidence);
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.SUBMITTED, applicant.id(), null, now));
    }

    /**
     * Sends it again after a request for changes, with what the applicant rewrote: the narrative, the level and
     * answers, the evidence kept and added; {@code changes} says what differs, for the reviewers.
     */
    void resubmit(String newNarrative, @Nullable String reply, @Nullable String newLevel, List<Answer> newAnswers,
                  List<Evidence> keptEvidence, List<Evidence> added, List<ApplicationEvent.Change> changes,
                  Instant now) {
        require(ApplicationState.CHANGES_REQUESTED);
        this.narrative = newNarrative;
        this.level = newLevel;
        this.answers.clear();
        this.answers.addAll(newAnswers);
        this.evidence.clear();
        this.evidence.addAll(keptEvidence);
        this.evidence.addAll(added);
        this.state = ApplicationState.SUBMITTED;
        this.revision++;
        this.submittedAt = now;
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.RESUBMITTED, applicantId, reply, now,
                ApplicationEvent.changes(changes)));
    }

    @Nullable String level() {
        return level;
    }

    void withdraw(Instant now) {
        if (!state.isOpen()) {
            throw new ApplicationRefused(Kind.CONFLICT, "already-closed");
        }
        this.state = ApplicationState.WITHDRAWN;
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.WITHDRAWN, applicantId, null, now));
    }

    /** One approval among several needed: the application waits for the others. */
    void approved(UUID reviewer, @Nullable String message, Instant now) {
        require(ApplicationState.SUBMITTED);
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.APPROVED, reviewer, message, now));
    }

    void askForChanges(UUID reviewer, String message, Instant now) {
        require(ApplicationState.SUBMITTED);
        this.state = ApplicationState.CHANGES_REQUESTED;
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.CHANGES_REQUESTED, reviewer, message, now));
    }

    void refuse(UUID reviewer, String reason, Instant now) {
        require(ApplicationState.SUBMITTED);
        this.state = ApplicationState.REFUSED;
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.REFUSED, reviewer, reason, now));
    }

    void awarded(UUID reviewer, AwardId award, @Nullable String message, Instant now) {
        require(ApplicationState.SUBMITTED);
        this.state = ApplicationState.AWARDED;
        this.awardId = award.value();
        this.history.add(new ApplicationEvent(ApplicationEvent.Kind.AWARDED, reviewer, message, now));
    }

    void assign(@Nullable UUID reviewer) {
        if (!state.isOpen()) {
            throw new ApplicationRefused(Kind.CONFLICT, "already-closed");
        }
        this.assigneeId = reviewer;
    }

    @Nullable UUID assigneeId() {
        return assigneeId;
    }

    /** A reviewer acts on what they saw: anything else means someone acted first. */
    void require(ApplicationState expected) {
        if (state != expected) {
            throw new ApplicationRefused(Kind.CONFLICT, "state-changed");
        }
    }

    ApplicationId id() {
        return new ApplicationId(id);
    }

    OrganisationId organisationId() {
        return new OrganisationId(organisationId);
    }

    BadgeClassId badgeClassId() {
        return new BadgeClassId(badgeClassId);
    }

    UUID applicantId() {
        return applicantId;
    }

    String applicantEmail() {
        return applicantEmail;
    }

    String applicantName() {
        return applicantName;
    }

    String narrative() {
        return narrative;
    }

    ApplicationState state() {
        return state;
    }

    int revision() {
        return revision;
    }

    List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    int fileCount() {
        return (int) evidence.stream().filter(Evidence::isFile).count();
    }

    ApplicationView view(String badgeClassName) {
        return new ApplicationView(id(), organisationId(), badgeClassId(), badgeClassName, applicantId, applicantEmail,
                applicantName, Locale.forLanguageTag(locale), narrative, state, revision, createdAt, submittedAt,
                awardId == null ? null : new AwardId(awardId), List.copyOf(evidence), List.copyOf(history), level,
                List.copyOf(answers));
    }
}
