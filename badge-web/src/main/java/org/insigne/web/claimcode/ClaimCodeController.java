package org.insigne.web.claimcode;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.application.Applicant;
import org.insigne.issuer.application.ApplicationRefused;
import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.application.Submission;
import org.insigne.issuer.claimcode.ClaimCodeRefused;
import org.insigne.issuer.claimcode.ClaimCodeService;
import org.insigne.issuer.claimcode.ClaimCodes;
import org.insigne.issuer.claimcode.ClaimMode;
import org.insigne.issuer.claimcode.ClaimOutcome;
import org.insigne.issuer.claimcode.ClaimPage;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.application.ApplicationNotifier;
import org.insigne.web.application.Refusals;
import org.insigne.web.application.SubmissionForm;
import org.insigne.web.issuer.AwardNotifier;
import org.insigne.web.system.Links;
import org.insigne.web.system.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a participant opens with a code: {@code /c} to type one, {@code /c/{code}} (the short address of the
 * poster's QR code, readable signed out), and the same page in the backpack, where signing in (or signing up,
 * then confirming the address) brings them back to use it. Unknown codes count against the client's address,
 * so that guessing stops long before it could find a live code.
 */
@Controller
class ClaimCodeController {

    private static final String SHORT = "/c/";
    private static final String SIGNED_IN = "/backpack/codes/";

    private final ClaimCodeService codes;
    private final AccountService accounts;
    private final RateLimits limits;
    private final AwardNotifier awardNotifier;
    private final ApplicationNotifier applicationNotifier;
    private final ApplicationService applications;
    private final Links links;

    ClaimCodeController(ClaimCodeService codes, AccountService accounts, RateLimits limits,
                        AwardNotifier awardNotifier, ApplicationNotifier applicationNotifier,
                        ApplicationService applications, Links links) {
        this.codes = codes;
        this.applications = applications;
        this.accounts = accounts;
        this.limits = limits;
        this.awardNotifier = awardNotifier;
        this.applicationNotifier = applicationNotifier;
        this.links = links;
    }

    @GetMapping("/c")
    String typeIn(@RequestParam(required = false) @Nullable String code, Model model) {
        if (code != null && !code.isBlank()) {
            return ClaimCodes.normalise(code).map(c -> "redirect:" + SHORT + c).orElseGet(() -> {
                model.addAttribute("refusal", new ClaimCodeRefused(DomainException.Kind.INVALID, "malformed"));
                model.addAttribute("typed", code.length() > 40 ? code.substring(0, 40) : code);
                return "claimcode/enter";
            });
        }
        return "claimcode/enter";
    }

    @GetMapping({SHORT + "{code}", SIGNED_IN + "{code}"})
    String page(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        return show(page(code, request), null, null, model, response);
    }

    @PostMapping(SIGNED_IN + "{code}")
    String claim(@PathVariable String code, @RequestParam(defaultValue = "") String consent,
                 HttpServletRequest request, Authentication authentication, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        ClaimPage page = page(code, request);
        AccountUser user = (AccountUser) authentication.getPrincipal();
        Submission submission = SubmissionForm.read(request);
        ClaimOutcome outcome;
        try {
            if (!"on".equals(consent)) {
                throw new ClaimCodeRefused(DomainException.Kind.INVALID, "consent-required");
            }
            String email = accounts.confirmedEmail(user.id())
                    .orElseThrow(() -> new ClaimCodeRefused(DomainException.Kind.FORBIDDEN, "unconfirmed-address"));
            outcome = codes.claimWith(code, new Applicant(user.id(), email, user.displayName(),
                    LocaleContextHolder.getLocale()), submission, links.hostedUrls());
        } catch (ClaimCodeRefused | ApplicationRefused refused) {
            return show(page, refused, submission, model, response);
        } catch (DataIntegrityViolationException raced) {
            // The same person using the code twice at once: the use's primary key stopped the second.
            return show(page, new ClaimCodeRefused(DomainException.Kind.CONFLICT, "already-used"), submission, model,
                    response);
        }
        if (outcome.award() != null) {
            awardNotifier.notify(outcome.award(), outcome.badgeClassName(), outcome.issuerName(),
                    LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("notice", "claim-code.claimed.awarded");
            return "redirect:/backpack/claim/" + outcome.award().id().value();
        }
        applicationNotifier.changed(Objects.requireNonNull(outcome.application()));
        redirect.addFlashAttribute("notice", "claim-code.claimed.applied");
        return "redirect:/backpack/applications/" + outcome.application().id().value();
    }

    private ClaimPage page(String code, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (limits.isExhausted(RateLimits.Limit.CLAIM_CODE_FAILURE, client)) {
            throw new TooManyCodeAttempts();
        }
        return codes.page(code).orElseThrow(() -> {
            limits.tryConsume(RateLimits.Limit.CLAIM_CODE_FAILURE, client);
            return new ClaimCodeRefused(DomainException.Kind.NOT_FOUND, "unknown");
        });
    }

    /** Over the limit of unknown codes: say so, and when to try again, without looking the code up. */
    @ExceptionHandler(TooManyCodeAttempts.class)
    String tooMany(HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader("Retry-After", "900");
        return "claimcode/too-many";
    }

    /** A client tried too many unknown codes lately. */
    static final class TooManyCodeAttempts extends RuntimeException {
        TooManyCodeAttempts() {
            super("too many unknown claim codes from one client", null, false, false);
        }
    }

    /** The code's page; in application mode, with the badge class's level and questions, if it asks some. */
    private String show(ClaimPage page, @Nullable DomainException refusal, @Nullable Submission submission,
                        Model model, HttpServletResponse response) {
        if (refusal != null) {
            response.setStatus(Refusals.status(refusal));
            model.addAttribute("refusal", refusal);
        }
        model.addAttribute("page", page);
        model.addAttribute("narrative", submission == null ? "" : submission.narrative());
        model.addAttribute("submission", submission);
        if (page.code().settings().mode() == ClaimMode.APPLICATION) {
            applications.questionsOf(page.badgeClass().id()).ifPresent(s -> model.addAttribute("questions", s));
        }
        return "claimcode/claim";
    }
}
