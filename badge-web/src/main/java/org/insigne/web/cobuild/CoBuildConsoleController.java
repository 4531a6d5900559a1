package org.insigne.web.cobuild;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.cobuild.CoBuildAwarded;
import org.insigne.issuer.cobuild.CoBuildId;
import org.insigne.issuer.cobuild.CoBuildMode;
import org.insigne.issuer.cobuild.CoBuildService;
import org.insigne.issuer.cobuild.CoBuildStep;
import org.insigne.issuer.cobuild.CoBuildView;
import org.insigne.issuer.cobuild.PersonLink;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.issuer.AwardNotifier;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The animator's side of co-built badges: the organisation's co-constructions and the form that starts one
 * (face to face, or by a mailed link), a co-construction's page, the guided steps on the shared screen, the
 * person's consent or refusal there, the award, and opening the badge to others. Roles are checked by the
 * service.
 */
@Controller
class CoBuildConsoleController {

    private static final String LIST = "/console/organisations/{org}/cobuilds";
    private static final String ONE = LIST + "/{id}";

    private final CoBuildService coBuilds;
    private final CoBuildPages pages;
    private final CoBuildMails mails;
    private final AwardNotifier notifier;
    private final Links links;

    CoBuildConsoleController(CoBuildService coBuilds, CoBuildPages pages, CoBuildMails mails, AwardNotifier notifier,
                             Links links) {
        this.coBuilds = coBuilds;
        this.pages = pages;
        this.mails = mails;
        this.notifier = notifier;
        this.links = links;
    }

    /** The start form as typed. */
    record StartForm(@Nullable String personName, @Nullable String personEmail, @Nullable CoBuildMode mode) {
    }

    @GetMapping(LIST)
    String list(@PathVariable UUID org, Authentication authentication, Model model) {
        return list(org, CurrentUser.id(authentication), new StartForm("", "", CoBuildMode.SHARED_SCREEN), model);
    }

    @PostMapping(LIST)
    String start(@PathVariable UUID org, StartForm form, Authentication authentication, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        OrganisationId organisation = new OrganisationId(org);
        CoBuildMode mode = form.mode() == null ? CoBuildMode.SHARED_SCREEN : form.mode();
        CoBuildView started;
        try {
            started = coBuilds.start(organisation, user, form.personName(), form.personEmail(), mode);
        } catch (DomainException refused) {
            response.setStatus(CoBuildPages.status(refused));
            model.addAttribute("refusal", refused);
            return list(org, user, form, model);
        }
        if (mode == CoBuildMode.LINK) {
            sendLink(organisation, started.id(), user);
            redirect.addFlashAttribute("notice", "cobuild.link.sent");
            return "redirect:" + path(org, started.id().value());
        }
        return "redirect:" + path(org, started.id().value()) + "/steps/" + CoBuildStep.EXPERIENCE.key();
    }

    @GetMapping(ONE)
    String show(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        CoBuildView view = coBuilds.coBuild(new OrganisationId(org), new CoBuildId(id), CurrentUser.id(authentication));
        model.addAttribute("coBuild", view);
        model.addAttribute("base", path(org, id));
        return "cobuild/detail";
    }

    @GetMapping(ONE + "/steps/{step}")
    String step(@PathVariable UUID org, @PathVariable UUID id, @PathVariable String step,
                Authentication authentication, Model model) {
        CoBuildView view = coBuilds.coBuild(new OrganisationId(org), new CoBuildId(id), CurrentUser.id(authentication));
        return pages.step(model, view, stepOf(step), StepForm.of(view), path(org, id), true, null);
    }

    @PostMapping(ONE + "/steps/{step}")
    String save(@PathVariable UUID org, @PathVariable UUID id, @PathVariable String step, StepForm form,
                @RequestParam(name = "image", required = false) @Nullable MultipartFile image,
                @RequestParam(name = "later", required = false) @Nullable String later,
                Authentication authentication, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        OrganisationId organisation = new OrganisationId(org);
        CoBuildId coBuild = new CoBuildId(id);
        CoBuildStep current = stepOf(step);
        try {
            coBuilds.save(organisation, coBuild, user, current, form.answers(CoBuildPages.read(image)));
        } catch (DomainException refused) {
            response.setStatus(CoBuildPages.status(refused));
            return pages.step(model, coBuilds.coBuild(organisation, coBuild, user), current, form, path(org, id),
                    true, refused);
        }
        if (later != null) {
            redirect.addFlashAttribute("notice", "cobuild.saved");
            return "redirect:" + path(org, id);
        }
        return "redirect:" + path(org, id) + "/steps/" + current.next().orElse(CoBuildStep.CONSENT).key();
    }

    @PostMapping(ONE + "/consent")
    String consent(@PathVariable UUID org, @PathVariable UUID id,
                   @RequestParam(name = "confirmed", required = false) @Nullable String confirmed,
                   Authentication authentication, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        OrganisationId organisation = new OrganisationId(org);
        try {
            coBuilds.consent(organisation, new CoBuildId(id), user, confirmed != null);
        } catch (DomainException refused) {
            response.setStatus(CoBuildPages.status(refused));
            CoBuildView view = coBuilds.coBuild(organisation, new CoBuildId(id), user);
            return pages.step(model, view, CoBuildStep.CONSENT, StepForm.of(view), path(org, id), true, refused);
        }
        redirect.addFlashAttribute("notice", "cobuild.consented");
        return "redirect:" + path(org, id);
    }

    @PostMapping(ONE + "/refuse")
    String refuse(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                  RedirectAttributes redirect) {
        coBuilds.refuse(new OrganisationId(org), new CoBuildId(id), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "cobuild.refused");
        return "redirect:" + path(org, id);
    }

    @PostMapping(ONE + "/link")
    String link(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                RedirectAttributes redirect) {
        sendLink(new OrganisationId(org), new CoBuildId(id), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "cobuild.link.sent");
        return "redirect:" + path(org, id);
    }

    @PostMapping(ONE + "/award")
    String award(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                 RedirectAttributes redirect) {
        CoBuildAwarded awarded = coBuilds.award(new OrganisationId(org), new CoBuildId(id),
                CurrentUser.id(authentication), links.hostedUrls());
        notifier.notify(awarded.award(), awarded.badgeName(), awarded.issuerName(), LocaleContextHolder.getLocale());
        redirect.addFlashAttribute("notice", "cobuild.awarded");
        return "redirect:" + path(org, id);
    }

    @PostMapping(ONE + "/open")
    String open(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                RedirectAttributes redirect) {
        BadgeClassView created = coBuilds.openToOthers(new OrganisationId(org), new CoBuildId(id),
                CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "cobuild.opened");
        return "redirect:/console/organisations/" + org + "/badge-classes/" + created.id().value();
    }

    @GetMapping(ONE + "/image.svg")
    ResponseEntity<byte[]> svg(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication) {
        return pages.svg(coBuilds.coBuild(new OrganisationId(org), new CoBuildId(id), CurrentUser.id(authentication)));
    }

    @GetMapping(ONE + "/image.png")
    ResponseEntity<byte[]> png(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication) {
        return pages.png(coBuilds.coBuild(new OrganisationId(org), new CoBuildId(id), CurrentUser.id(authentication)));
    }

    private void sendLink(OrganisationId organisation, CoBuildId id, UUID user) {
        PersonLink link = coBuilds.sendLink(organisation, id, user);
        mails.sendLink(link, links.absolute("/co-construction/" + link.token()), LocaleContextHolder.getLocale());
    }

    private String list(UUID org, UUID user, StartForm form, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        OrganisationView staff = coBuilds.checkCanStart(organisation, user);
        model.addAttribute("organisation", staff);
        model.addAttribute("coBuilds", coBuilds.coBuilds(organisation, user));
        model.addAttribute("form", form);
        model.addAttribute("modes", CoBuildMode.values());
        return "cobuild/list";
    }

    static CoBuildStep stepOf(String key) {
        return CoBuildStep.of(key).orElseThrow(() -> new org.insigne.issuer.cobuild.CoBuildRefused(
                DomainException.Kind.NOT_FOUND, "not-found"));
    }

    private static String path(UUID org, UUID id) {
        return "/console/organisations/" + org + "/cobuilds/" + id;
    }
}
