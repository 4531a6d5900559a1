package org.insigne.web.issuer;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.badgeclass.InvalidBadgeClass;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.web.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Badge classes of an organisation: list, create, show, edit, publish, archive. Roles are checked by the service. */
@Controller
class BadgeClassController {

    /** Fields of the form a refusal from the service can point at; others are shown above the form. */
    private static final Set<String> FORM_FIELDS = Set.of("name", "description", "criteria", "tags", "levels");

    private final BadgeClassService badgeClasses;
    private final OrganisationService organisations;

    BadgeClassController(BadgeClassService badgeClasses, OrganisationService organisations) {
        this.badgeClasses = badgeClasses;
        this.organisations = organisations;
    }

    @GetMapping("/console/organisations/{org}/badge-classes")
    String list(@PathVariable UUID org, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        var view = organisations.organisation(organisation, user);
        model.addAttribute("organisation", view);
        model.addAttribute("badgeClasses", badgeClasses.badgeClasses(organisation, user));
        model.addAttribute("canWrite", view.role().includes(StaffRole.ADMIN));
        return "issuer/badge-classes";
    }

    @GetMapping("/console/organisations/{org}/badge-classes/new")
    String newBadgeClass(@PathVariable UUID org, Authentication authentication, Model model) {
        model.addAttribute("organisation", badgeClasses.checkCanWrite(new OrganisationId(org), CurrentUser.id(authentication)));
        model.addAttribute("form", BadgeClassForm.empty());
        return "issuer/badge-class-form";
    }

    @PostMapping("/console/organisations/{org}/badge-classes")
    String create(@PathVariable UUID org, @Valid @ModelAttribute("form") BadgeClassForm form, BindingResult errors,
                  @RequestParam(required = false) @Nullable String imageKept,
                  Authentication authentication, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(org);
        UUID user = CurrentUser.id(authentication);
        model.addAttribute("organisation", badgeClasses.checkCanWrite(organisation, user));
        StoredImage image = UploadedImages.read(form.image(), imageKept, "image", true, errors);
        BadgeClassContent content = errors.hasErrors() ? null : content(form, errors);
        if (content == null || image == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            UploadedImages.keep(image, "image", model);
            return "issuer/badge-class-form";
        }
        BadgeClassView created = badgeClasses.create(organisation, user, content, image);
        redirect.addFlashAttribute("notice", "issuer.badge-class.created");
        return "redirect:" + path(org, created.id().value());
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}")
    String show(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("badgeClass", badgeClasses.badgeClass(new OrganisationId(org), new BadgeClassId(id),
                CurrentUser.id(authentication)));
        model.addAttribute("awardForm", AwardForm.empty());
        return "issuer/badge-class";
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}/edit")
    String edit(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        BadgeClassView badgeClass = badgeClasses.badgeClassToEdit(new OrganisationId(org), new BadgeClassId(id),
                CurrentUser.id(authentication));
        model.addAttribute("organisation", badgeClass.organisation());
        model.addAttribute("badgeClass", badgeClass);
        model.addAttribute("form", BadgeClassForm.of(badgeClass.content()));
        return "issuer/badge-class-form";
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}")
    String save(@PathVariable UUID org, @PathVariable UUID id, @Valid @ModelAttribute("form") BadgeClassForm form,
                BindingResult errors, @RequestParam(required = false) @Nullable String imageKept,
                Authentication authentication, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(org);
        BadgeClassId badgeClassId = new BadgeClassId(id);
        UUID user = CurrentUser.id(authentication);
        BadgeClassView current = badgeClasses.badgeClassToEdit(organisation, badgeClassId, user);
        model.addAttribute("organisation", current.organisation());
        model.addAttribute("badgeClass", current);
        StoredImage image = UploadedImages.read(form.image(), imageKept, "image", false, errors);
        BadgeClassContent content = errors.hasErrors() ? null : content(form, errors);
        if (content == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            UploadedImages.keep(image, "image", model);
            return "issuer/badge-class-form";
        }
        badgeClasses.edit(organisation, badgeClassId, user, content, image);
        redirect.addFlashAttribute("notice", "issuer.badge-class.saved");
        return "redirect:" + path(org, id);
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/publish")
    String publish(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                   RedirectAttributes redirect) {
        badgeClasses.publish(new OrganisationId(org), new BadgeClassId(id), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "issuer.badge-class.published");
        return "redirect:" + path(org, id);
    }

    @PostMapping("/console/organisations/{org}/badge-classes/{id}/archive")
    String archive(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                   RedirectAttributes redirect) {
        badgeClasses.archive(new OrganisationId(org), new BadgeClassId(id), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "issuer.badge-class.archived");
        return "redirect:" + path(org, id);
    }

    private static BadgeClassContent content(BadgeClassForm form, BindingResult errors) {
        try {
            return form.content();
        } catch (InvalidBadgeClass invalid) {
            if (FORM_FIELDS.contains(invalid.field())) {
                errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.args().toArray(), null);
            } else if (invalid.field().equals("expiry")) {
                errors.rejectValue("expiryMonths", invalid.messageKey(), invalid.args().toArray(), null);
            } else {
                errors.reject(invalid.messageKey(), invalid.args().toArray(), null);
            }
            return null;
        }
    }

    private static String path(UUID org, UUID id) {
        return "/console/organisations/" + org + "/badge-classes/" + id;
    }
}
