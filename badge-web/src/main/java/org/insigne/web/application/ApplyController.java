package org.insigne.web.application;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.insigne.core.error.DomainException.Kind;
import org.insigne.issuer.application.Applicant;
import org.insigne.issuer.application.ApplicationDraftService;
import org.insigne.issuer.application.ApplicationId;
import org.insigne.issuer.application.ApplicationRefused;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.ApplicationView;
import org.insigne.issuer.application.ApplyPage;
import org.insigne.issuer.application.Submission;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassNotFound;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public "apply for this badge" page of a badge class ({@code /apply/{id}}, readable signed out), the form
 * in the backpack (signing in on the way back here), the applicant's list and one application, and the public
 * files of awarded applications. A visitor signed out may write the whole application first
 * ({@code /apply/{id}/draft}): it is kept, its id in their session, and the login that follows (after signing
 * up and confirming the address, if need be) brings them back to the form, filled in, ready to send.
 */
@Controller
class ApplyController {

    /** The session attribute naming the draft a visitor wrote signed out. */
    static final String DRAFT = ApplyController.class.getName() + ".draft";

    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    private final ApplicationService applications;
    private final ApplicationDraftService drafts;
    private final AccountService accounts;
    private final ApplicationNotifier notifier;

    ApplyController(ApplicationService applications, ApplicationDraftService drafts, AccountService accounts,
                    ApplicationNotifier notifier) {
        this.applications = applications;
        this.drafts = drafts;
        this.accounts = accounts;
        this.notifier = notifier;
    }

    @GetMapping("/apply/{id}")
    String page(@PathVariable UUID id, Model model) {
        model.addAttribute("page", page(id));
        return "application/apply";
    }

    @GetMapping("/apply/{id}/draft")
    String draftForm(@PathVariable UUID id, @org.jspecify.annotations.Nullable Authentication authentication,
                     Model model) {
        if (signedIn(authentication)) {
            return "redirect:/backpack/applications/new/" + id;
        }
        model.addAttribute("page", page(id));
        model.addAttribute("narrative", "");
        model.addAttribute("drafting", true);
        return "application/apply-form";
    }

    /** Keeps what a visitor signed out wrote, and sends the login that follows back to the form. */
    @PostMapping("/apply/{id}/draft")
    String keepDraft(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Submission submission = SubmissionForm.read(request);
        UUID draft;
        try {
            draft = drafts.keep(new BadgeClassId(id), submission);
        } catch (ApplicationRefused refused) {
            model.addAttribute("drafting", true);
            return again(id, submission, refused, model, response);
        }
        request.getSession().setAttribute(DRAFT, draft);
        String form = ServletUriComponentsBuilder.fromContextPath(request).path("/backpack/applications/new/{id}")
                .query("continue").buildAndExpand(id).toUriString();
        // Where the login goes next, as if the form itself had asked for it (the name the default cache reads).
        request.getSession().setAttribute(SAVED_REQUEST, new SimpleSavedRequest(form));
        model.addAttribute("page", page(id));
        return "application/draft-kept";
    }

    @GetMapping("/backpack/applications/new/{id}")
    String form(@PathVariable UUID id, Authentication authentication, HttpSession session, Model model) {
        model.addAttribute("page", page(id));
        model.addAttribute("narrative", "");
        draft(id, user(authentication), session).ifPresent(d -> {
            model.addAttribute("narrative", d.submission().narrative());
            model.addAttribute("links", d.submission().links());
            model.addAttribute("submission", d.submission());
            model.addAttribute("keptFiles", d.fileNames());
        });
        return "application/apply-form";
    }

    @PostMapping("/backpack/applications/new/{id}")
    String submit(@PathVariable UUID id, HttpServletRequest request, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        AccountUser user = (AccountUser) authentication.getPrincipal();
        Optional<ApplicationDraftService.Draft> draft = draft(id, user.id(), request.getSession());
        Submission submission = draft.map(d -> SubmissionForm.read(request).withFilesOf(d.submission()))
                .orElseGet(() -> SubmissionForm.read(request));
        try {
            String email = accounts.confirmedEmail(user.id())
                    .orElseThrow(() -> new ApplicationRefused(Kind.FORBIDDEN, "unconfirmed-address"));
            ApplicationView sent = applications.submit(new BadgeClassId(id),
                    new Applicant(user.id(), email, user.displayName(), LocaleContextHolder.getLocale()), submission);
            if (draft.isPresent()) {
                drafts.discard(user.id(), new BadgeClassId(id));
                request.getSession().removeAttribute(DRAFT);
            }
            notifier.changed(sent);
            redirect.addFlashAttribute("notice", "application.submitted");
            return "redirect:/backpack/applications/" + sent.id().value();
        } catch (ApplicationRefused refused) {
            return again(id, submission, refused, model, response);
        } catch (DataIntegrityViolationException raced) {
            return again(id, submission, new ApplicationRefused(Kind.CONFLICT, "already-open"), model, response);
        }
    }

    @GetMapping("/backpack/applications")
    String mine(Authentication authentication, Model model) {
        model.addAttribute("applications", applications.mine(user(authentication)));
        return "application/mine";
    }

    @GetMapping("/backpack/applications/{id}")
    String one(@PathVariable UUID id, Authentication authentication, Model model) {
        return detail(applications.mine(user(authentication), new ApplicationId(id)), model);
    }

    @PostMapping("/backpack/applications/{id}/resubmit")
    String resubmit(@PathVariable UUID id, HttpServletRequest request, Authentication authentication, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Submission submission = SubmissionForm.read(request);
        try {
            notifier.changed(applications.resubmit(user(authentication), new ApplicationId(id), submission,
                    SubmissionForm.removed(request)));
        } catch (ApplicationRefused refused) {
            response.setStatus(Refusals.status(refused));
            model.addAttribute("refusal", refused);
            model.addAttribute("narrative", submission.narrative());
            model.addAttribute("resubmission", submission);
            return detail(applications.mine(user(authentication), new ApplicationId(id)), model);
        }
        redirect.addFlashAttribute("notice", "application.resubmitted");
        return "redirect:/backpack/applications/" + id;
    }

    @PostMapping("/backpack/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
        notifier.changed(applications.withdraw(user(authentication), new ApplicationId(id)));
        redirect.addFlashAttribute("notice", "application.withdrawn");
        return "redirect:/backpack/applications/" + id;
    }

    @GetMapping("/backpack/applications/{id}/files/{evidence}")
    ResponseEntity<byte[]> myFile(@PathVariable UUID id, @PathVariable UUID evidence, Authentication authentication) {
        return EvidenceDownloads.of(applications.applicantFile(user(authentication), new ApplicationId(id), evidence));
    }

    /** What a badge names as evidence: answers only for public files of awarded applications. */
    @GetMapping(ApplicationService.PUBLIC_EVIDENCE)
    ResponseEntity<byte[]> publicFile(@PathVariable UUID id) {
        return applications.publicFile(id).map(EvidenceDownloads::of)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The person's draft for the badge class: the one their session names (now theirs), else their latest. */
    private Optional<ApplicationDraftService.Draft> draft(UUID badgeClass, UUID user, HttpSession session) {
        if (session.getAttribute(DRAFT) instanceof UUID kept && !drafts.claim(kept, user)) {
            session.removeAttribute(DRAFT);
        }
        return drafts.draftOf(user, new BadgeClassId(badgeClass));
    }

    private static boolean signedIn(@org.jspecify.annotations.Nullable Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private String again(UUID id, Submission submission, ApplicationRefused refused, Model model,
                         HttpServletResponse response) {
        response.setStatus(Refusals.status(refused));
        model.addAttribute("page", page(id));
        model.addAttribute("refusal", refused);
        model.addAttribute("narrative", submission.narrative());
        model.addAttribute("links", submission.links());
        model.addAttribute("submission", submission);
        return "application/apply-form";
    }

    private String detail(ApplicationView application, Model model) {
        model.addAttribute("mine", application);
        Optional<ApplyPage> page = applications.applyPage(application.badgeClass());
        ApplicationSettings settings = page.map(ApplyPage::settings).orElse(ApplicationSettings.DEFAULTS);
        model.addAttribute("settings", settings);
        model.addAttribute("levels", page.map(p -> p.badgeClass().content().levels()).orElse(java.util.List.of()));
        if (!model.containsAttribute("resubmission")) {
            model.addAttribute("resubmission", application.asSubmission(settings));
        }
        return "application/detail";
    }

    private ApplyPage page(UUID id) {
        BadgeClassId badgeClass = new BadgeClassId(id);
        return applications.applyPage(badgeClass).orElseThrow(() -> new BadgeClassNotFound(badgeClass));
    }

    private static UUID user(Authentication authentication) {
        return ((AccountUser) authentication.getPrincipal()).id();
    }
}
