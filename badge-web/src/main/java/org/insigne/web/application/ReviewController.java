package org.insigne.web.application;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.application.ApplicationId;
import org.insigne.issuer.application.ApplicationRefused;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.Checklist;
import org.insigne.issuer.application.QueueEntry;
import org.insigne.issuer.application.QueueFilter;
import org.insigne.issuer.application.ReviewView;
import org.insigne.issuer.application.Question;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.MemberView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountSummary;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console side of applications: opening a badge class to them (owners and administrators), the
 * organisation's queue and the review screen with its three decisions (reviewers and above). Roles are
 * checked by the service.
 */
@Controller
class ReviewController {

    /** More than a badge class's criteria give (their checklist stops at 30 items). */
    private static final int MAX_CRITERIA = 30;

    /** The queue's age filter: waiting for at least this many days. */
    private static final List<Integer> AGES = List.of(1, 7, 30);

    private final ApplicationService applications;
    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final ApplicationNotifier notifier;
    private final Links links;
    private final StaffService staff;
    private final AccountService accounts;

    ReviewController(ApplicationService applications, OrganisationService organisations,
                     BadgeClassService badgeClasses, ApplicationNotifier notifier, Links links, StaffService staff,
                     AccountService accounts) {
        this.staff = staff;
        this.accounts = accounts;
        this.applications = applications;
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.notifier = notifier;
        this.links = links;
    }

    /** The settings form's fields, as typed: numbers and dates are read by {@link #settings(SettingsForm)}. */
    record SettingsForm(@Nullable String applicantInstructions, @Nullable String reviewerInstructions,
                        @Nullable String linksAccepted, @Nullable Integer maxFiles, @Nullable Integer maxFileMegabytes,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate opensOn,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closesOn,
                        @Nullable Integer maxApplications, @Nullable String askLevel,
                        @Nullable Integer requiredApprovals) {
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}/applications")
    String settingsPage(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        UUID user = CurrentUser.id(authentication);
        var current = applications.settings(new OrganisationId(org), new BadgeClassId(id), user);
        return settingsPage(org, id, user, current.getKey(), QuestionRows.of(current.getKey().questions()),
                current.getValue(), model);
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/applications")
    String open(@PathVariable UUID org, @PathVariable UUID id, SettingsForm form, HttpServletRequest request,
                Authentication authentication, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        List<QuestionRows.Row> rows = QuestionRows.read(request);
        try {
            applications.open(new OrganisationId(org), new BadgeClassId(id), user, settings(form, rows));
        } catch (ApplicationRefused refused) {
            response.setStatus(Refusals.status(refused));
            model.addAttribute("refusal", refused);
            var current = applications.settings(new OrganisationId(org), new BadgeClassId(id), user);
            // The form as typed, not as saved: the record's accessors are the settings' own names.
            return settingsPage(org, id, user, form, QuestionRows.withBlanks(rows), current.getValue(), model);
        }
        redirect.addFlashAttribute("notice", "application.settings.opened");
        return "redirect:/console/organisations/" + org + "/badge-classes/" + id + "/applications";
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/applications/close")
    String close(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                 RedirectAttributes redirect) {
        applications.close(new OrganisationId(org), new BadgeClassId(id), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "application.settings.closed");
        return "redirect:/console/organisations/" + org + "/badge-classes/" + id + "/applications";
    }

    @GetMapping("/console/organisations/{org}/applications")
    String queue(@PathVariable UUID org, @RequestParam(required = false) @Nullable UUID badgeClass,
                 @RequestParam(required = false) @Nullable String state,
                 @RequestParam(required = false) @Nullable String age,
                 @RequestParam(required = false) @Nullable String mine, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        ApplicationState wanted = stateOf(state);
        int minDays = ageOf(age);
        List<QueueEntry> entries = applications.queue(organisation, user, new QueueFilter(
                badgeClass == null ? null : new BadgeClassId(badgeClass), wanted, minDays, mine != null));
        model.addAttribute("entries", entries);
        model.addAttribute("assignees", accounts.summaries(entries.stream().map(QueueEntry::assignee)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("organisation", organisations.organisation(organisation, user));
        model.addAttribute("badgeClasses", badgeClasses.badgeClasses(organisation, user));
        model.addAttribute("states", ApplicationState.values());
        model.addAttribute("ages", AGES);
        model.addAttribute("selectedBadgeClass", badgeClass);
        model.addAttribute("selectedState", wanted);
        model.addAttribute("selectedAge", minDays);
        model.addAttribute("mine", mine != null);
        return "application/queue";
    }

    @GetMapping("/console/organisations/{org}/applications/{id}")
    String review(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        UUID user = CurrentUser.id(authentication);
        return reviewPage(org, applications.review(new OrganisationId(org), new ApplicationId(id), user), user, model);
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/assign")
    String assign(@PathVariable UUID org, @PathVariable UUID id, @RequestParam(defaultValue = "") String assignee,
                  Authentication authentication, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        try {
            applications.assign(new OrganisationId(org), new ApplicationId(id), user, assigneeOf(assignee));
        } catch (DomainException refused) {
            return again(org, id, user, refused, Checklist.EMPTY, "", model, response);
        }
        redirect.addFlashAttribute("notice", "application.review.assigned");
        return "redirect:/console/organisations/" + org + "/applications/" + id;
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/award")
    String award(@PathVariable UUID org, @PathVariable UUID id, @RequestParam(defaultValue = "") String level,
                 @RequestParam(defaultValue = "") String message, HttpServletRequest request,
                 Authentication authentication, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        Checklist checklist = checklist(request);
        ApplicationView decided;
        try {
            decided = applications.award(organisation, new ApplicationId(id), user, level, message, checklist,
                    links.hostedUrls());
        } catch (DomainException refused) {
            return again(org, id, user, refused, checklist, message, model, response);
        }
        // One approval among several changes nothing for the applicant yet.
        redirect.addFlashAttribute("notice", notifier.awarded(organisation, decided, user)
                ? "application.review.awarded" : "application.review.approved");
        return "redirect:/console/organisations/" + org + "/applications";
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/changes")
    String askForChanges(@PathVariable UUID org, @PathVariable UUID id,
                         @RequestParam(defaultValue = "") String message, HttpServletRequest request,
                         Authentication authentication, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        Checklist checklist = checklist(request);
        try {
            notifier.changed(applications.askForChanges(new OrganisationId(org), new ApplicationId(id), user, message,
                    checklist));
        } catch (DomainException refused) {
            return again(org, id, user, refused, checklist, message, model, response);
        }
        redirect.addFlashAttribute("notice", "application.review.changes-asked");
        return "redirect:/console/organisations/" + org + "/applications";
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/refuse")
    String refuse(@PathVariable UUID org, @PathVariable UUID id, @RequestParam(defaultValue = "") String message,
                  HttpServletRequest request, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        Checklist checklist = checklist(request);
        try {
            notifier.changed(applications.refuse(new OrganisationId(org), new ApplicationId(id), user, message,
                    checklist));
        } catch (DomainException refused) {
            return again(org, id, user, refused, checklist, message, model, response);
        }
        redirect.addFlashAttribute("notice", "application.review.refused");
        return "redirect:/console/organisations/" + org + "/applications";
    }

    @GetMapping("/console/organisations/{org}/applications/{id}/files/{evidence}")
    ResponseEntity<byte[]> file(@PathVariable UUID org, @PathVariable UUID id, @PathVariable UUID evidence,
                                Authentication authentication) {
        return EvidenceDownloads.of(applications.reviewerFile(new OrganisationId(org), new ApplicationId(id),
                CurrentUser.id(authentication), evidence));
    }

    /**
     * Shows the review screen again with the refusal (someone decided first, a message missing, ...) and what
     * the reviewer ticked and wrote.
     */
    private String again(UUID org, UUID id, UUID user, DomainException refused, Checklist checklist, String message,
                         Model model, HttpServletResponse response) {
        response.setStatus(Refusals.status(refused));
        model.addAttribute("refusal", refused);
        model.addAttribute("checklist", checklist);
        model.addAttribute("message", message);
        return reviewPage(org, applications.review(new OrganisationId(org), new ApplicationId(id), user), user, model);
    }

    /** The review screen, with the staff who may review, by name, for the assignment. */
    private String reviewPage(UUID org, ReviewView review, UUID user, Model model) {
        List<UUID> reviewers = staff.staff(new OrganisationId(org), user).stream()
                .filter(m -> m.role().includes(StaffRole.REVIEWER)).map(MemberView::userId).toList();
        Map<UUID, AccountSummary> names = accounts.summaries(reviewers);
        model.addAttribute("review", review);
        model.addAttribute("reviewers", reviewers.stream().filter(names::containsKey).map(names::get).toList());
        model.addAttribute("assignee", review.assignee() == null ? null : names.get(review.assignee()));
        return "application/review";
    }

    /** One of the ages offered, else none (an address edited by hand shows every age rather than an error). */
    private static int ageOf(@Nullable String age) {
        try {
            int days = age == null ? 0 : Integer.parseInt(age.strip());
            return AGES.contains(days) ? days : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Blank: nobody; anything that is not an id names nobody on the staff, and is refused as such. */
    private static @Nullable UUID assigneeOf(String assignee) {
        if (assignee.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(assignee.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private String settingsPage(UUID org, UUID id, UUID user, Object settings, List<QuestionRows.Row> questions,
                                boolean open, Model model) {
        model.addAttribute("badgeClass", badgeClasses.badgeClass(new OrganisationId(org), new BadgeClassId(id), user));
        model.addAttribute("settings", settings);
        model.addAttribute("questions", questions);
        model.addAttribute("kinds", Question.Kind.values());
        model.addAttribute("open", open);
        model.addAttribute("applyLink", links.absolute("/apply/" + id));
        return "application/settings";
    }

    private static ApplicationSettings settings(SettingsForm form, List<QuestionRows.Row> rows) {
        return new ApplicationSettings(form.applicantInstructions(), form.reviewerInstructions(),
                form.linksAccepted() != null, form.maxFiles() == null ? 0 : form.maxFiles(),
                form.maxFileMegabytes() == null ? 0 : form.maxFileMegabytes(), form.opensOn(), form.closesOn(),
                form.maxApplications(), form.askLevel() != null, QuestionRows.questions(rows),
                form.requiredApprovals() == null ? 1 : form.requiredApprovals());
    }

    /** The review form's checklist: boxes {@code check0…} and notes {@code note0…}, by criterion. */
    private static Checklist checklist(HttpServletRequest request) {
        Set<Integer> met = new HashSet<>();
        Map<Integer, String> notes = new HashMap<>();
        for (int i = 0; i < MAX_CRITERIA; i++) {
            if (request.getParameter("check" + i) != null) {
                met.add(i);
            }
            String note = request.getParameter("note" + i);
            if (note != null && !note.isBlank()) {
                notes.put(i, note);
            }
        }
        return new Checklist(met, notes);
    }

    private static @Nullable ApplicationState stateOf(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        for (ApplicationState candidate : ApplicationState.values()) {
            if (candidate.name().equals(state)) {
                return candidate;
            }
        }
        return null;
    }
}
