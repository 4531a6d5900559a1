package org.insigne.web.issuer;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.award.InvalidAward;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Awards from a badge class page, lists a badge class's awards, revokes one. Roles are checked by the service;
 * the earner is told by e-mail, in the language the issuer works in.
 */
@Controller
class AwardController {

    /** Where a refusal from the service points in the form. */
    private static final Map<String, String> FIELDS = Map.of(
            "email", "recipientEmail", "name", "recipientName", "level", "level", "evidence-url", "evidenceUrl",
            "evidence-narrative", "evidenceNarrative", "evidence", "evidenceUrl", "issued-on", "issuedOn");

    private final AwardService awards;
    private final BadgeClassService badgeClasses;
    private final Links links;
    private final AwardNotifier notifier;

    AwardController(AwardService awards, BadgeClassService badgeClasses, Links links, AwardNotifier notifier) {
        this.awards = awards;
        this.badgeClasses = badgeClasses;
        this.links = links;
        this.notifier = notifier;
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/awards")
    String award(@PathVariable UUID org, @PathVariable UUID id, @ModelAttribute("awardForm") AwardForm form,
                 BindingResult errors, Authentication authentication, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(org);
        BadgeClassId badgeClass = new BadgeClassId(id);
        UUID user = CurrentUser.id(authentication);
        BadgeClassView view = awards.checkCanAward(organisation, badgeClass, user);
        AwardView award = null;
        if (!errors.hasErrors()) {
            try {
                AwardRequest request = form.request();
                award = awardOnce(organisation, badgeClass, user, request);
            } catch (InvalidAward invalid) {
                String field = FIELDS.get(invalid.field());
                if (field != null) {
                    errors.rejectValue(field, invalid.messageKey(), invalid.args().toArray(), null);
                } else {
                    errors.reject(invalid.messageKey(), invalid.args().toArray(), null);
                }
            }
        }
        if (award == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("badgeClass", view);
            return "issuer/badge-class";
        }
        if (award.created()) {
            notifier.notify(award, view.content().name(), view.organisation().name(), LocaleContextHolder.getLocale());
        }
        redirect.addFlashAttribute("notice", "issuer.award.created");
        return "redirect:" + awardsPath(org, id);
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}/awards")
    String list(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        BadgeClassId badgeClass = new BadgeClassId(id);
        UUID user = CurrentUser.id(authentication);
        model.addAttribute("badgeClass", badgeClasses.badgeClass(organisation, badgeClass, user));
        model.addAttribute("awards", awards.awards(organisation, badgeClass, user));
        return "issuer/awards";
    }

    /** Revoking cannot be undone: a page of its own says so and asks for the public reason first. */
    @GetMapping("/console/organisations/{org}/awards/{award}/revoke")
    String confirmRevoke(@PathVariable UUID org, @PathVariable UUID award, Authentication authentication, Model model) {
        return revokePage(new OrganisationId(org), new AwardId(award), CurrentUser.id(authentication), null, model);
    }

    @PostMapping("/console/organisations/{org}/awards/{award}/revoke")
    String revoke(@PathVariable UUID org, @PathVariable UUID award, @ModelAttribute RevokeForm form,
                  Authentication authentication, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        AwardView revoked;
        try {
            revoked = awards.revoke(organisation, new AwardId(award), user, form.reason());
        } catch (InvalidAward invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("reasonError", invalid.messageKey());
            return revokePage(organisation, new AwardId(award), user, form.reason(), model);
        }
        redirect.addFlashAttribute("notice", "issuer.award.revoked");
        return "redirect:" + awardsPath(org, revoked.badgeClass().value());
    }

    private String revokePage(OrganisationId organisation, AwardId id, UUID user, @Nullable String reason, Model model) {
        AwardView award = awards.award(organisation, id, user);
        model.addAttribute("award", award);
        model.addAttribute("badgeClass", badgeClasses.badgeClass(organisation, award.badgeClass(), user));
        model.addAttribute("reason", reason);
        return "issuer/revoke";
    }

    /**
     * Two submissions of one form racing past the token check both try to insert; the unique token lets one
     * through, and the other answers with the award that won.
     */
    private AwardView awardOnce(OrganisationId organisation, BadgeClassId badgeClass, UUID user, AwardRequest request) {
        HostedUrls urls = new HostedUrls(links.absolute(""));
        try {
            return awards.award(organisation, badgeClass, user, request, urls);
        } catch (DataIntegrityViolationException raced) {
            return awards.award(organisation, badgeClass, user, request, urls);
        }
    }

    private static String awardsPath(UUID org, UUID id) {
        return "/console/organisations/" + org + "/badge-classes/" + id + "/awards";
    }
}
