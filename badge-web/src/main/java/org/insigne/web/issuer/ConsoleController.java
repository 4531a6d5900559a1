package org.insigne.web.issuer;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The issuer console's entry: the organisations one works for, and creating a new one. */
@Controller
class ConsoleController {

    record OrganisationForm(@NotBlank @Size(max = OrganisationService.MAX_NAME_LENGTH) @Nullable String name) {
    }

    private final OrganisationService organisations;

    ConsoleController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/console")
    String console(Authentication authentication, Model model) {
        model.addAttribute("organisations", organisations.organisationsOf(CurrentUser.id(authentication)));
        return "issuer/console";
    }

    @GetMapping("/console/organisations/new")
    String newOrganisation(Model model) {
        model.addAttribute("form", new OrganisationForm(""));
        return "issuer/organisation-new";
    }

    @PostMapping("/console/organisations")
    String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors,
                  Authentication authentication, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "issuer/organisation-new";
        }
        OrganisationView created = organisations.create(CurrentUser.id(authentication), form.name());
        redirect.addFlashAttribute("notice", "issuer.organisation.created");
        return "redirect:/console/organisations/" + created.id().value();
    }

    @GetMapping("/console/organisations/{id}")
    String organisation(@PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        OrganisationView view = organisations.organisation(organisation, user);
        model.addAttribute("organisation", view);
        model.addAttribute("profile", organisations.profile(organisation, user));
        model.addAttribute("canManage", view.role().includes(StaffRole.ADMIN));
        return "issuer/organisation";
    }
}
