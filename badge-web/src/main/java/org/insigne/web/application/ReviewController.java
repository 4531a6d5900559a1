package org.insigne.web.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.application.ApplicationId;
import org.insigne.issuer.application.ApplicationRefused;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.ApplicationState;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.issuer.AwardNotifier;
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

    private final ApplicationService applications;
    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final ApplicationNotifier notifier;
    private final AwardNotifier awardNotifier;
    private final Links links;
    private final AwardService awards;

    ReviewController(ApplicationService applications, OrganisationService organisations,
                     BadgeClassService badgeClasses, ApplicationNotifier notifier, AwardNotifier awardNotifier,
                     Links links, AwardService awards) {
        this.awards = awards;
        this.applications = applications;
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.notifier = notifier;
        this.awardNotifier = awardNotifier;
        this.links = links;
    }

    /** The settings form's fields, as typed: numbers and dates are read by {@link #settings(SettingsForm)}. */
    record SettingsForm(@Nullable String applicantInstructions, @Nullable String reviewerInstructions,
                        @Nullable String linksAccepted, @Nullable Integer maxFiles, @Nullable Integer maxFileMegabytes,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate opensOn,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closesOn,
                        @Nullable Integer maxApplications) {
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}/applications")
    String settingsPage(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        UUID user = CurrentUser.id(authentication);
        var current = applications.settings(new OrganisationId(org), new BadgeClassId(id), user);
        return settingsPage(org, id, user, current.getKey(), current.getValue(), model);
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/applications")
    String open(@PathVariable UUID org, @PathVariable UUID id, SettingsForm form, Authentication authentication,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        try {
            applications.open(new OrganisationId(org), new BadgeClassId(id), user, settings(form));
        } catch (ApplicationRefused refused) {
            response.setStatus(Refusals.status(refused));
            model.addAttribute("refusal", refused);
            var current = applications.settings(new OrganisationId(org), new BadgeClassId(id), user);
            return settingsPage(org, id, user, current.getKey(), current.getValue(), model);
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
                 @RequestParam(required = false) @Nullable String state, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        ApplicationState wanted = stateOf(state);
        model.addAttribute("entries", applications.queue(organisation, user,
                badgeClass == null ? null : new BadgeClassId(badgeClass), wanted));
        model.addAttribute("organisation", organisations.organisation(organisation, user));
        model.addAttribute("badgeClasses", badgeClasses.badgeClasses(organisation, user));
        model.addAttribute("states", ApplicationState.values());
        model.addAttribute("selectedBadgeClass", badgeClass);
        model.addAttribute("selectedState", wanted);
        return "application/queue";
    }

    @GetMapping("/console/organisations/{org}/applications/{id}")
    String review(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("review", applications.review(new OrganisationId(org), new ApplicationId(id),
                CurrentUser.id(authentication)));
        return "application/review";
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/award")
    String award(@PathVariable UUID org, @PathVariable UUID id, @RequestParam(defaultValue = "") String level,
                 @RequestParam(defaultValue = "") String message, Authentication authentication, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        ApplicationView decided;
        try {
            decided = applications.award(organisation, new ApplicationId(id), user, level, message,
                    links.hostedUrls());
        } catch (DomainException refused) {
            return again(org, id, user, refused, model, response);
        }
        notifier.changed(decided);
        awardNotifier.notify(awards.award(organisation, java.util.Objects.requireNonNull(decided.award()), user),
                decided.badgeClassName(),
                organisations.organisation(organisation, user).name(), decided.locale());
        redirect.addFlashAttribute("notice", "application.review.awarded");
        return "redirect:/console/organisations/" + org + "/applications";
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/changes")
    String askForChanges(@PathVariable UUID org, @PathVariable UUID id,
                         @RequestParam(defaultValue = "") String message, Authentication authentication, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        try {
            notifier.changed(applications.askForChanges(new OrganisationId(org), new ApplicationId(id), user, message));
        } catch (DomainException refused) {
            return again(org, id, user, refused, model, response);
        }
        redirect.addFlashAttribute("notice", "application.review.changes-asked");
        return "redirect:/console/organisations/" + org + "/applications";
    }

    @PostMapping("/console/organisations/{org}/applications/{id}/refuse")
    String refuse(@PathVariable UUID org, @PathVariable UUID id, @RequestParam(defaultValue = "") String message,
                  Authentication authentication, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        try {
            notifier.changed(applications.refuse(new OrganisationId(org), new ApplicationId(id), user, message));
        } catch (DomainException refused) {
            return again(org, id, user, refused, model, response);
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

    /** Shows the review screen again with the refusal (someone decided first, a message missing, ...). */
    private String again(UUID org, UUID id, UUID user, DomainException refused, Model model,
                         HttpServletResponse response) {
        response.setStatus(Refusals.status(refused));
        model.addAttribute("refusal", refused);
        model.addAttribute("review", applications.review(new OrganisationId(org), new ApplicationId(id), user));
        return "application/review";
    }

    private String settingsPage(UUID org, UUID id, UUID user, ApplicationSettings settings, boolean open, Model model) {
        model.addAttribute("badgeClass", badgeClasses.badgeClass(new OrganisationId(org), new BadgeClassId(id), user));
        model.addAttribute("settings", settings);
        model.addAttribute("open", open);
        model.addAttribute("applyLink", links.absolute("/apply/" + id));
        return "application/settings";
    }

    private static ApplicationSettings settings(SettingsForm form) {
        return new ApplicationSettings(form.applicantInstructions(), form.reviewerInstructions(),
                form.linksAccepted() != null, form.maxFiles() == null ? 0 : form.maxFiles(),
                form.maxFileMegabytes() == null ? 0 : form.maxFileMegabytes(), form.opensOn(), form.closesOn(),
                form.maxApplications());
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
