package org.insigne.issuer.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.audit.AuditAction;
import org.insigne.issuer.audit.AuditLog;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.award.EvidenceLink;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassNotFound;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.publishing.HostedUrls;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for badges. Owners and administrators open a published badge class to applications; a signed-in
 * person with a confirmed address applies, answers a request for changes or withdraws; reviewers and above
 * decide, never on their own application. A decision locks the application's row, so that of two reviewers
 * acting at once the second finds it decided and is told so; an award goes through {@link AwardService} in the
 * same transaction as the application's closing.
 *
 * <p>Longer than the 500 lines other classes keep to: the applicant's and the reviewers' actions share the row
 * lock, the state rules and the evidence checks, and splitting them would spread one state machine over two
 * classes. The reviewers' queue (read only) is the part to move out first if it grows again.
 */
@Service
@Transactional(readOnly = true)
public class ApplicationService {

    /** Where an awarded application's public files are served: the address its badge names as evidence. */
    public static final String PUBLIC_EVIDENCE = "/apply/evidence/{id}";

    public static final int MAX_MESSAGE = 2000;

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    private final ApplicationOpeningRepository openings;
    private final BadgeApplicationRepository applications;
    private final EvidenceFileRepository files;
    private final ApplicationReviewRepository reviews;
    private final BadgeClassService badgeClasses;
    private final OrganisationService organisations;
    private final AwardService awards;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ApplicationService(ApplicationOpeningRepository openings, BadgeApplicationRepository applications,
                       EvidenceFileRepository files, ApplicationReviewRepository reviews,
                       BadgeClassService badgeClasses,
                       OrganisationService organisations, AwardService awards, AuditLog audit, JdbcTemplate jdbc,
                       Clock clock, @Value("${insigne.display.time-zone:Europe/Paris}") ZoneId zone) {
        this.openings = openings;
        this.applications = applications;
        this.files = files;
        this.reviews = reviews;
        this.badgeClasses = badgeClasses;
        this.organisations = organisations;
        this.awards = awards;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    // --- Issuer side ---

    /** The settings to edit (the defaults before a first opening) and whether applications are open. */
    public Map.Entry<ApplicationSettings, Boolean> settings(OrganisationId organisation, BadgeClassId badgeClass,
                                                            UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        badgeClasses.badgeClass(organisation, badgeClass, userId);
        return openings.findById(badgeClass.value())
                .map(o -> Map.entry(o.settings(), o.isOpen()))
                .orElse(Map.entry(ApplicationSettings.DEFAULTS, false));
    }

    /** Opens a published badge class to applications, or changes how it takes them; owners and administrators. */
    @Transactional
    public void open(OrganisationId organisation, BadgeClassId badgeClass, UUID userId, ApplicationSettings settings) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        BadgeClassView view = badgeClasses.badgeClass(organisation, badgeClass, userId);
        if (view.status() != BadgeClassStatus.PUBLISHED) {
            throw new ApplicationRefused(Kind.CONFLICT, "badge-class-not-published");
        }
        Instant now = clock.instant();
        openings.findById(badgeClass.value()).ifPresentOrElse(o -> o.open(settings, now),
                () -> openings.save(new ApplicationOpening(badgeClass, organisation, settings, now)));
        log.info("Applications opened on badge class {} by user {}", badgeClass.value(), userId);
        audit.record(organisation.value(), userId, AuditAction.APPLICATIONS_OPENED, badgeClass.value(),
                Map.of("name", view.content().name()));
    }

    /** Stops taking new applications; those already sent stay to be decided. */
    @Transactional
    public void close(OrganisationId organisation, BadgeClassId badgeClass, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.ADMIN);
        badgeClasses.badgeClass(organisation, badgeClass, userId);
        openings.findById(badgeClass.value()).ifPresent(o -> o.close(clock.instant()));
    }

    // --- Applicant side ---

    /** The public page of a badge class open (or once open) to applications; empty for any other. */
    public Optional<ApplyPage> applyPage(BadgeClassId badgeClass) {
        return openings.findById(badgeClass.value()).flatMap(opening -> badgeClasses.publicBadgeClass(badgeClass)
                .map(hosted -> new ApplyPage(hosted, organisations.publicProfile(hosted.organisation())
                        .map(p -> p.profile().name()).orElse(""), opening.settings(), closedReason(opening, hosted))));
    }

    /** Sends a new application. Refused: closed or archived class, one already open, bad evidence, no consent. */
    @Transactional
    public ApplicationView submit(BadgeClassId badgeClass, Applicant applicant, Submission submission) {
        ApplicationOpening opening = openings.findById(badgeClass.value())
                .orElseThrow(() -> new BadgeClassNotFound(badgeClass));
        PublicBadgeClass hosted = badgeClasses.publicBadgeClass(badgeClass)
                .orElseThrow(() -> new BadgeClassNotFound(badgeClass));
        String closed = closedReason(opening, hosted);
        if (closed != null) {
            throw new ApplicationRefused(Kind.CONFLICT, closed.substring("error.application.".length()));
        }
        if (applications.hasOpen(badgeClass.value(), applicant.id())) {
            throw new ApplicationRefused(Kind.CONFLICT, "already-open");
        }
        EvidenceChecks.narrative(submission.narrative());
        if (!submission.consent()) {
            throw ApplicationRefused.invalid("consent", "consent-required");
        }
        String level = askedLevel(opening.settings(), hosted, submission.level());
        AnswerChecks.Checked answered = AnswerChecks.answers(submission, opening.settings());
        EvidenceChecks.Checked checked = EvidenceChecks.evidence(submission, opening.settings(), 0, 0);
        BadgeApplication application = applications.saveAndFlush(new BadgeApplication(hosted.organisation(),
                badgeClass, applicant, submission.narrative(), level, answered.answers(), checked.all(),
                clock.instant()));
        checked.files().forEach(f -> files.save(new EvidenceFile(f.evidence().id(), application.id(), f.content())));
        answered.files().forEach(f -> files.save(new EvidenceFile(f.evidence().id(), application.id(), f.content())));
        log.info("Application {} for badge class {} sent by user {}", application.id().value(), badgeClass.value(),
                applicant.id());
        audit.record(hosted.organisation().value(), applicant.id(), AuditAction.APPLICATION_SUBMITTED,
                application.id().value(), detail(application, hosted.content().name()));
        return application.view(hosted.content().name());
    }

    /**
     * Sends an application through an event's claim code, in the caller's transaction: the code stands for the
     * opening, so only the badge class's state and an application already open are checked, plus the narrative.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApplicationView submitByClaimCode(BadgeClassId badgeClass, Applicant applicant, String narrative) {
        return submitByClaimCode(badgeClass, applicant, new Submission(narrative, List.of(), List.of(), true, null));
    }

    /**
     * Sends an application through an event's claim code, as {@link #submitByClaimCode(BadgeClassId, Applicant,
     * String)} does, with the level and the answers to the badge class's questions when it asks some (its
     * settings of applications, open or not: the code stands for the opening). Evidence is not asked at the
     * event: the applicant adds it if the reviewer asks for changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApplicationView submitByClaimCode(BadgeClassId badgeClass, Applicant applicant, Submission submission) {
        PublicBadgeClass hosted = badgeClasses.publicBadgeClass(badgeClass)
                .filter(b -> b.status() == BadgeClassStatus.PUBLISHED)
                .orElseThrow(() -> new ApplicationRefused(Kind.CONFLICT, "badge-class-archived"));
        if (applications.hasOpen(badgeClass.value(), applicant.id())) {
            throw new ApplicationRefused(Kind.CONFLICT, "already-open");
        }
        EvidenceChecks.narrative(submission.narrative());
        Optional<ApplicationSettings> settings = questionsOf(badgeClass);
        String level = settings.map(s -> askedLevel(s, hosted, submission.level())).orElse(null);
        AnswerChecks.Checked answered = settings.map(s -> AnswerChecks.answers(submission, s))
                .orElse(new AnswerChecks.Checked(List.of(), List.of()));
        BadgeApplication application = applications.saveAndFlush(new BadgeApplication(hosted.organisation(),
                badgeClass, applicant, submission.narrative(), level, answered.answers(), List.of(),
                clock.instant()));
        answered.files().forEach(f -> files.save(new EvidenceFile(f.evidence().id(), application.id(), f.content())));
        log.info("Application {} for badge class {} sent by user {} with a claim code", application.id().value(),
                badgeClass.value(), applicant.id());
        audit.record(hosted.organisation().value(), applicant.id(), AuditAction.APPLICATION_SUBMITTED,
                application.id().value(), detail(application, hosted.content().name()));
        return application.view(hosted.content().name());
    }

    /**
     * The settings whose level and questions an application to the badge class answers, whether applications
     * are open now or not; empty when it never took applications.
     */
    public Optional<ApplicationSettings> questionsOf(BadgeClassId badgeClass) {
        return openings.findById(badgeClass.value()).map(ApplicationOpening::settings);
    }

    /** The level the applicant picked, one of the badge class's, when its settings ask for one; else null. */
    static @Nullable String askedLevel(ApplicationSettings settings, PublicBadgeClass badgeClass,
                                               @Nullable String level) {
        if (!settings.askLevel()) {
            return null;
        }
        if (level == null || !badgeClass.content().levels().contains(level)) {
            throw ApplicationRefused.invalid("level", "level-required");
        }
        return level;
    }

    /** The applicant's own applications, latest first. */
    public List<ApplicationView> mine(UUID applicantId) {
        Map<BadgeClassId, String> names = new LinkedHashMap<>();
        return applications.findByApplicantIdOrderByCreatedAtDesc(applicantId).stream()
                .map(a -> a.view(names.computeIfAbsent(a.badgeClassId(), this::badgeClassName))).toList();
    }

    public ApplicationView mine(UUID applicantId, ApplicationId id) {
        BadgeApplication application = own(applicantId, id);
        return application.view(badgeClassName(application.badgeClassId()));
    }

    /** Sends the application again after a request for changes, with a new narrative and possibly more evidence. */
    @Transactional
    public ApplicationView resubmit(UUID applicantId, ApplicationId id, Submission submission) {
        return resubmit(applicantId, id, submission, Set.of());
    }

    /**
     * Sends the application again after a request for changes: the narrative, level and answers as rewritten
     * (a file question left empty keeps its file), the evidence but the pieces named in {@code removed}, plus
     * the new pieces. The history records what changed, for the reviewers.
     */
    @Transactional
    public ApplicationView resubmit(UUID applicantId, ApplicationId id, Submission submission, Set<UUID> removed) {
        BadgeApplication application = applications.findForUpdate(id.value())
                .filter(a -> a.applicantId().equals(applicantId)).orElseThrow(ApplicationNotFound::new);
        application.require(ApplicationState.CHANGES_REQUESTED);
        ApplicationSettings settings = settingsOf(application);
        EvidenceChecks.narrative(submission.narrative());
        if (submission.reply() != null && submission.reply().length() > Submission.MAX_REPLY) {
            throw ApplicationRefused.invalid("reply", "message-too-long", Submission.MAX_REPLY);
        }
        List<Evidence> kept = application.evidence().stream().filter(e -> !removed.contains(e.id())).toList();
        int keptFiles = (int) kept.stream().filter(Evidence::isFile).count();
        EvidenceChecks.Checked checked = EvidenceChecks.evidence(submission, settings, kept.size() - keptFiles,
                keptFiles);
        String level = application.level();
        if (settings.askLevel()) {
            PublicBadgeClass hosted = badgeClasses.publicBadgeClass(application.badgeClassId())
                    .orElseThrow(() -> new BadgeClassNotFound(application.badgeClassId()));
            level = askedLevel(settings, hosted, submission.level());
        }
        List<Answer> answers = application.answers();
        List<EvidenceChecks.CheckedFile> answerFiles = List.of();
        if (!settings.questions().isEmpty()) {
            AnswerChecks.Checked answered = AnswerChecks.answers(withKeptAnswerFiles(submission, settings,
                    application), settings);
            answers = answered.answers();
            answerFiles = answered.files();
        }
        List<ApplicationEvent.Change> changes = changes(application, submission, level, answers, checked.all().size(),
                application.evidence().size() - kept.size());
        List<UUID> gone = new ArrayList<>();
        application.evidence().stream().filter(e -> e.isFile() && removed.contains(e.id())).forEach(e -> gone.add(e.id()));
        if (!settings.questions().isEmpty()) {
            application.answers().stream().filter(Answer::isFile).forEach(a -> gone.add(a.fileId()));
        }
        application.resubmit(submission.narrative(), submission.reply(), level, answers, kept, checked.all(), changes,
                clock.instant());
        files.deleteAllById(gone);
        checked.files().forEach(f -> files.save(new EvidenceFile(f.evidence().id(), application.id(), f.content())));
        answerFiles.forEach(f -> files.save(new EvidenceFile(f.evidence().id(), application.id(), f.content())));
        String name = badgeClassName(application.badgeClassId());
        audit.record(application.organisationId().value(), applicantId, AuditAction.APPLICATION_SUBMITTED,
                id.value(), detail(application, name));
        return application.view(name);
    }

    /** The submission, with the file each file question answered before wherever no new file answers it. */
    private Submission withKeptAnswerFiles(Submission submission, ApplicationSettings settings,
                                           BadgeApplication application) {
        Map<Integer, Submission.FileInput> kept = new java.util.HashMap<>();
        List<Question> questions = settings.questions();
        for (int i = 0; i < questions.size(); i++) {
            String label = questions.get(i).label();
            if (questions.get(i).kind() != Question.Kind.FILE || submission.answerFiles().containsKey(i)) {
                continue;
            }
            int position = i;
            application.answers().stream().filter(a -> a.isFile() && a.label().equals(label)).findFirst()
                    .ifPresent(a -> files.findById(java.util.Objects.requireNonNull(a.fileId())).ifPresent(f ->
                            kept.put(position, new Submission.FileInput(java.util.Objects.requireNonNull(a.content()),
                                    f.content(), false))));
        }
        return kept.isEmpty() ? submission : submission.withFilesOf(new Submission("", List.of(), List.of(), false,
                null, null, Map.of(), kept));
    }

    private static List<ApplicationEvent.Change> changes(BadgeApplication before, Submission submission,
                                                         @Nullable String level, List<Answer> answers, int added,
                                                         int removed) {
        List<ApplicationEvent.Change> changes = new ArrayList<>();
        if (!before.narrative().equals(submission.narrative())) {
            changes.add(new ApplicationEvent.Change("narrative", ""));
        }
        if (!java.util.Objects.equals(before.level(), level)) {
            changes.add(new ApplicationEvent.Change("level", String.valueOf(level)));
        }
        for (int i = 0; i < answers.size(); i++) {
            Answer now = answers.get(i);
            boolean newFile = now.isFile() && submission.answerFiles().containsKey(i);
            boolean same = before.answers().stream().anyMatch(a -> a.label().equals(now.label())
                    && java.util.Objects.equals(a.content(), now.content()));
            if (newFile || !same) {
                changes.add(new ApplicationEvent.Change("answer", now.label()));
            }
        }
        if (added > 0) {
            changes.add(new ApplicationEvent.Change("evidence-added", Integer.toString(added)));
        }
        if (removed > 0) {
            changes.add(new ApplicationEvent.Change("evidence-removed", Integer.toString(removed)));
        }
        return changes;
    }

    @Transactional
    public ApplicationView withdraw(UUID applicantId, ApplicationId id) {
        BadgeApplication application = applications.findForUpdate(id.value())
                .filter(a -> a.applicantId().equals(applicantId)).orElseThrow(ApplicationNotFound::new);
        application.withdraw(clock.instant());
        String name = badgeClassName(application.badgeClassId());
        audit.record(application.organisationId().value(), applicantId, AuditAction.APPLICATION_WITHDRAWN,
                id.value(), detail(application, name));
        return application.view(name);
    }

    public DownloadableFile applicantFile(UUID applicantId, ApplicationId id, UUID evidenceId) {
        return file(own(applicantId, id), evidenceId);
    }

    // --- Reviewer side ---

    /**
     * The organisation's applications, oldest waiting first, optionally of one badge class and in one state
     * (by default the open ones); reviewers and above.
     */
    public List<QueueEntry> queue(OrganisationId organisation, UUID userId, @Nullable BadgeClassId badgeClass,
                                  @Nullable ApplicationState state) {
        return queue(organisation, userId, new QueueFilter(badgeClass, state, 0, false));
    }

    /**
     * The organisation's applications the filter keeps, oldest waiting first, at most 500; reviewers and above.
     * Each filter matches an index that starts with its columns, so the queue stays quick however many
     * applications were decided before.
     */
    public List<QueueEntry> queue(OrganisationId organisation, UUID userId, QueueFilter filter) {
        organisations.requireRole(organisation, userId, StaffRole.REVIEWER);
        List<ApplicationState> states = filter.state() != null ? List.of(filter.state())
                : List.of(ApplicationState.SUBMITTED, ApplicationState.CHANGES_REQUESTED);
        return entries(where(organisation, userId, filter, states), 0, 500);
    }

    /**
     * One page ({@code number} from 0) of the organisation's applications in any of {@code states} (all when
     * empty), oldest waiting first, with how many there are in all; reviewers and above.
     */
    public QueuePage queuePage(OrganisationId organisation, UUID userId, @Nullable BadgeClassId badgeClass,
                               List<ApplicationState> states, int number, int size) {
        organisations.requireRole(organisation, userId, StaffRole.REVIEWER);
        List<ApplicationState> wanted = states.isEmpty() ? List.of(ApplicationState.values()) : states;
        Where where = where(organisation, userId, new QueueFilter(badgeClass, null, 0, false), wanted);
        Long total = jdbc.queryForObject("select count(*) from badge_application a where " + where.sql(),
                Long.class, where.args().toArray());
        return new QueuePage(entries(where, (long) number * size, size), number, size, total == null ? 0 : total);
    }

    /** A queue's condition on {@code badge_application a}, and its arguments in order. */
    private record Where(String sql, List<Object> args, Instant now) {
    }

    private Where where(OrganisationId organisation, UUID userId, QueueFilter filter,
                        List<ApplicationState> states) {
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>(List.of(organisation.value(),
                states.stream().map(Enum::name).toArray(String[]::new)));
        String sql = "a.organisation_id = ? and a.state = any (?)";
        if (filter.badgeClass() != null) {
            sql += " and a.badge_class_id = ?";
            args.add(filter.badgeClass().value());
        }
        if (filter.minDays() > 0) {
            sql += " and a.submitted_at <= ?";
            args.add(java.sql.Timestamp.from(now.minus(Duration.ofDays(filter.minDays()))));
        }
        if (filter.assignedToMe()) {
            sql += " and a.assignee_id = ?";
            args.add(userId);
        }
        return new Where(sql, args, now);
    }

    private List<QueueEntry> entries(Where where, long offset, int limit) {
        List<Object> args = new ArrayList<>(where.args());
        args.add(offset);
        args.add(limit);
        String sql = """
                select a.id, a.badge_class_id, b.name, a.applicant_name, a.state, a.revision, a.submitted_at,
                       a.assignee_id
                from badge_application a join badge_class b on b.id = a.badge_class_id
                where\s""" + where.sql() + " order by a.submitted_at, a.id offset ? limit ?";
        Instant now = where.now();
        return jdbc.query(sql, (rs, i) -> {
            Instant submitted = rs.getTimestamp("submitted_at").toInstant();
            return new QueueEntry(new ApplicationId(rs.getObject("id", UUID.class)),
                    new BadgeClassId(rs.getObject("badge_class_id", UUID.class)), rs.getString("name"),
                    rs.getString("applicant_name"), ApplicationState.valueOf(rs.getString("state")),
                    rs.getInt("revision"), submitted, Duration.between(submitted, now),
                    rs.getObject("assignee_id", UUID.class));
        }, args.toArray());
    }

    public ReviewView review(OrganisationId organisation, ApplicationId id, UUID userId) {
        organisations.requireRole(organisation, userId, StaffRole.REVIEWER);
        BadgeApplication application = inOrganisation(organisation, id);
        PublicBadgeClass hosted = badgeClasses.publicBadgeClass(application.badgeClassId())
                .orElseThrow(() -> new BadgeClassNotFound(application.badgeClassId()));
        ApplicationSettings settings = settingsOf(application);
        List<UUID> approvers = reviews.approvers(id.value(), application.revision());
        return new ReviewView(application.view(hosted.content().name()), hosted, settings,
                application.applicantId().equals(userId), CriteriaChecklist.items(hosted.content().criteriaMarkdown()),
                reviews.findByApplicationIdOrderByAt(id.value()).stream().map(ApplicationReview::view).toList(),
                approvers.size(), approvers.contains(userId), application.assigneeId());
    }

    /**
     * Assigns an open application to a reviewer of the organisation (or to nobody); reviewers and above. It
     * tells the others who looks at it; it does not keep them from deciding.
     */
    @Transactional
    public void assign(OrganisationId organisation, ApplicationId id, UUID userId, @Nullable UUID assignee) {
        organisations.requireRole(organisation, userId, StaffRole.REVIEWER);
        if (assignee != null) {
            try {
                organisations.requireRole(organisation, assignee, StaffRole.REVIEWER);
            } catch (org.insigne.core.error.DomainException notAReviewer) {
                throw ApplicationRefused.invalid("assignee", "assignee-not-reviewer");
            }
        }
        BadgeApplication application = applications.findForUpdate(id.value())
                .filter(a -> a.organisationId().equals(organisation)).orElseThrow(ApplicationNotFound::new);
        application.assign(assignee);
        log.info("Application {} assigned to user {} by user {}", id.value(), assignee, userId);
    }

    public DownloadableFile reviewerFile(OrganisationId organisation, ApplicationId id, UUID userId, UUID evidenceId) {
        organisations.requireRole(organisation, userId, StaffRole.REVIEWER);
        return file(inOrganisation(organisation, id), evidenceId);
    }

    @Transactional
    public ApplicationView award(OrganisationId organisation, ApplicationId id, UUID reviewerId, String level,
                                 @Nullable String message, HostedUrls urls) {
        return award(organisation, id, reviewerId, level, message, Checklist.EMPTY, urls);
    }

    /**
     * Approves the application, with the reviewer's checklist. When the badge class needs more approvals than it
     * has, the approval is counted and the application waits (the view's state stays {@code SUBMITTED});
     * otherwise the badge is awarded: the application's narrative and the evidence its applicant made public
     * become the badge's evidence; the award and the application's closing commit together.
     */
    @Transactional
    public ApplicationView award(OrganisationId organisation, ApplicationId id, UUID reviewerId, String level,
                                 @Nullable String message, Checklist checklist, HostedUrls urls) {
        BadgeApplication application = decidable(organisation, id, reviewerId);
        application.require(ApplicationState.SUBMITTED);
        String text = optionalMessage(message);
        List<UUID> approvers = reviews.approvers(id.value(), application.revision());
        if (approvers.contains(reviewerId)) {
            throw new ApplicationRefused(Kind.CONFLICT, "already-approved");
        }
        reviewed(application, reviewerId, ReviewDecision.APPROVED, text, checklist);
        if (approvers.size() + 1 < settingsOf(application).requiredApprovals()) {
            application.approved(reviewerId, text, clock.instant());
            return decided(application, reviewerId, AuditAction.APPLICATION_APPROVED);
        }
        List<EvidenceLink> evidence = application.evidence().stream().filter(Evidence::isPublic)
                .map(e -> e.isFile()
                        ? new EvidenceLink(urls.base() + PUBLIC_EVIDENCE.replace("{id}", e.id().toString()),
                        e.fileName())
                        : new EvidenceLink(java.util.Objects.requireNonNull(e.url()), null))
                .toList();
        AwardView award = awards.awardOnReview(organisation, application.badgeClassId(), reviewerId,
                new AwardRequest(id.value(), application.applicantEmail(), application.applicantName(), level, null,
                        application.narrative(), null), evidence, urls);
        application.awarded(reviewerId, award.id(), text, clock.instant());
        return decided(application, reviewerId, AuditAction.APPLICATION_AWARDED);
    }

    @Transactional
    public ApplicationView askForChanges(OrganisationId organisation, ApplicationId id, UUID reviewerId,
                                         String message) {
        return askForChanges(organisation, id, reviewerId, message, Checklist.EMPTY);
    }

    @Transactional
    public ApplicationView askForChanges(OrganisationId organisation, ApplicationId id, UUID reviewerId,
                                         String message, Checklist checklist) {
        BadgeApplication application = decidable(organisation, id, reviewerId);
        String text = requiredMessage(message);
        application.askForChanges(reviewerId, text, clock.instant());
        reviewed(application, reviewerId, ReviewDecision.CHANGES_REQUESTED, text, checklist);
        return decided(application, reviewerId, AuditAction.APPLICATION_CHANGES_REQUESTED);
    }

    @Transactional
    public ApplicationView refuse(OrganisationId organisation, ApplicationId id, UUID reviewerId, String reason) {
        return refuse(organisation, id, reviewerId, reason, Checklist.EMPTY);
    }

    @Transactional
    public ApplicationView refuse(OrganisationId organisation, ApplicationId id, UUID reviewerId, String reason,
                                  Checklist checklist) {
        BadgeApplication application = decidable(organisation, id, reviewerId);
        String text = requiredMessage(reason);
        application.refuse(reviewerId, text, clock.instant());
        reviewed(application, reviewerId, ReviewDecision.REFUSED, text, checklist);
        return decided(application, reviewerId, AuditAction.APPLICATION_REFUSED);
    }

    // --- Anyone ---

    /** A public file of an awarded application: the address its badge gives as evidence. */
    public Optional<DownloadableFile> publicFile(UUID evidenceId) {
        return applications.findByEvidence(evidenceId)
                .filter(a -> a.state() == ApplicationState.AWARDED)
                .filter(a -> a.evidence().stream().anyMatch(e -> e.id().equals(evidenceId) && e.isPublic()))
                .map(a -> file(a, evidenceId));
    }

    private BadgeApplication decidable(OrganisationId organisation, ApplicationId id, UUID reviewerId) {
        organisations.requireRole(organisation, reviewerId, StaffRole.REVIEWER);
        BadgeApplication application = applications.findForUpdate(id.value())
                .filter(a -> a.organisationId().equals(organisation)).orElseThrow(ApplicationNotFound::new);
        if (application.applicantId().equals(reviewerId)) {
            throw new ApplicationRefused(Kind.FORBIDDEN, "own-application");
        }
        return application;
    }

    /** Keeps the review with its checklist: each criterion as shown now, ticked or not, with its note. */
    private void reviewed(BadgeApplication application, UUID reviewerId, ReviewDecision decision,
                          @Nullable String message, Checklist checklist) {
        List<String> criteria = badgeClasses.publicBadgeClass(application.badgeClassId())
                .map(b -> CriteriaChecklist.items(b.content().criteriaMarkdown())).orElse(List.of());
        List<CriterionCheck> checks = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            String note = checklist.note(i).strip();
            if (note.length() > Checklist.MAX_NOTE) {
                throw ApplicationRefused.invalid("note" + i, "note-too-long", i + 1, Checklist.MAX_NOTE);
            }
            checks.add(new CriterionCheck(criteria.get(i), checklist.isMet(i), note));
        }
        reviews.save(new ApplicationReview(application.id(), application.revision(), reviewerId, decision, message,
                checks, clock.instant()));
    }

    private ApplicationSettings settingsOf(BadgeApplication application) {
        return openings.findById(application.badgeClassId().value()).map(ApplicationOpening::settings)
                .orElse(ApplicationSettings.DEFAULTS);
    }

    private ApplicationView decided(BadgeApplication application, UUID reviewerId, AuditAction action) {
        String name = badgeClassName(application.badgeClassId());
        log.info("Application {} {} by user {}", application.id().value(), application.state(), reviewerId);
        audit.record(application.organisationId().value(), reviewerId, action, application.id().value(),
                detail(application, name));
        return application.view(name);
    }

    private static String requiredMessage(@Nullable String message) {
        String text = optionalMessage(message);
        if (text == null) {
            throw ApplicationRefused.invalid("message", "message-required");
        }
        return text;
    }

    private static @Nullable String optionalMessage(@Nullable String message) {
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw ApplicationRefused.invalid("message", "message-too-long", MAX_MESSAGE);
        }
        return text.isEmpty() ? null : text;
    }

    private @Nullable String closedReason(ApplicationOpening opening, PublicBadgeClass badgeClass) {
        if (badgeClass.status() != BadgeClassStatus.PUBLISHED) {
            return "error.application.badge-class-archived";
        }
        if (!opening.isOpen()) {
            return "error.application.closed";
        }
        ApplicationSettings settings = opening.settings();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (settings.opensOn() != null && today.isBefore(settings.opensOn())) {
            return "error.application.not-yet-open";
        }
        if (settings.closesOn() != null && today.isAfter(settings.closesOn())) {
            return "error.application.closed";
        }
        if (settings.maxApplications() != null
                && applications.countByBadgeClassId(badgeClass.id().value()) >= settings.maxApplications()) {
            return "error.application.cap-reached";
        }
        return null;
    }

    private BadgeApplication own(UUID applicantId, ApplicationId id) {
        return applications.findById(id.value()).filter(a -> a.applicantId().equals(applicantId))
                .orElseThrow(ApplicationNotFound::new);
    }

    private BadgeApplication inOrganisation(OrganisationId organisation, ApplicationId id) {
        return applications.findById(id.value()).filter(a -> a.organisationId().equals(organisation))
                .orElseThrow(ApplicationNotFound::new);
    }

    /** A file of the application: a piece of evidence, or the answer to a file question (never public). */
    private DownloadableFile file(BadgeApplication application, UUID evidenceId) {
        Map.Entry<String, String> named = application.evidence().stream()
                .filter(e -> e.id().equals(evidenceId) && e.isFile())
                .map(e -> Map.entry(java.util.Objects.requireNonNull(e.fileName()),
                        java.util.Objects.requireNonNull(e.mediaType())))
                .findFirst()
                .or(() -> application.answers().stream().filter(a -> evidenceId.equals(a.fileId()))
                        .map(a -> Map.entry(java.util.Objects.requireNonNull(a.content()),
                                java.util.Objects.requireNonNull(a.mediaType())))
                        .findFirst())
                .orElseThrow(ApplicationNotFound::new);
        byte[] content = files.findById(evidenceId).map(EvidenceFile::content).orElseThrow(ApplicationNotFound::new);
        return new DownloadableFile(named.getKey(), named.getValue(), content);
    }

    private String badgeClassName(BadgeClassId id) {
        return badgeClasses.publicBadgeClass(id).map(b -> b.content().name()).orElse("");
    }

    private static Map<String, String> detail(BadgeApplication application, String badgeClassName) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("badgeClassId", application.badgeClassId().value().toString());
        detail.put("badgeClass", badgeClassName);
        detail.put("applicant", AuditLog.masked(application.applicantEmail()));
        return detail;
    }
}
