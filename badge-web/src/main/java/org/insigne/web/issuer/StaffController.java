package org.insigne.web.issuer;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.insigne.issuer.organisation.InvitationIssued;
import org.insigne.issuer.organisation.MemberView;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountSummary;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
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

/** An organisation's staff: who is on it, inviting by e-mail, changing roles, and accepting an invitation. */
@Controller
class StaffController {

    record InviteForm(
            @NotBlank @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 254) @Nullable String email,
            @NotBlank @Nullable String role) {
    }

    record RoleForm(@NotNull @Nullable StaffRole role) {
    }

    /** One line of the staff list. */
    record StaffMember(UUID userId, String displayName, String email, StaffRole role, boolean you) {
    }

    private final OrganisationService organisations;
    private final StaffService staff;
    private final AccountService accounts;
    private final Mailer mailer;
    private final Links links;

    StaffController(OrganisationService organisations, StaffService staff, AccountService accounts, Mailer mailer,
                    Links links) {
        this.organisations = organisations;
        this.staff = staff;
        this.accounts = accounts;
        this.mailer = mailer;
        this.links = links;
    }

    @GetMapping("/console/organisations/{id}/staff")
    String list(@PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("form", new InviteForm("", StaffRole.AWARDER.name()));
        return page(new OrganisationId(id), CurrentUser.id(authentication), model);
    }

    @PostMapping("/console/organisations/{id}/staff/invitations")
    String invite(@PathVariable UUID id, @Valid @ModelAttribute("form") InviteForm form, BindingResult errors,
                  Authentication authentication, Locale locale, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        StaffRole role = roleOf(form.role());
        if (role == null && !errors.hasFieldErrors("role")) {
            errors.rejectValue("role", "error.staff.role-unknown");
        }
        if (errors.hasErrors() || role == null) {
            // The role check still comes first: a viewer gets 403, not a form.
            organisations.requireRole(organisation, user, StaffRole.ADMIN);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(organisation, user, model);
        }
        InvitationIssued issued = staff.invite(organisation, user, form.email(), role);
        mailer.send(issued.invitation().email(), "staff-invitation", locale, Map.of(
                "organisation", issued.invitation().organisationName(),
                "role", issued.invitation().role().name(),
                "link", links.absolute("/console/invitations?token=" + issued.token())));
        redirect.addFlashAttribute("notice", "issuer.staff.invited");
        return "redirect:/console/organisations/" + id + "/staff";
    }

    @PostMapping("/console/organisations/{id}/staff/{userId}/role")
    String changeRole(@PathVariable UUID id, @PathVariable UUID userId, @Valid @ModelAttribute RoleForm form,
                      BindingResult errors, Authentication authentication, RedirectAttributes redirect) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        organisations.requireRole(organisation, user, StaffRole.ADMIN);
        if (errors.hasErrors() || form.role() == null) {
            throw new UnknownRole();
        }
        staff.changeRole(organisation, user, userId, form.role());
        redirect.addFlashAttribute("notice", "issuer.staff.role-changed");
        return "redirect:/console/organisations/" + id + "/staff";
    }

    @PostMapping("/console/organisations/{id}/staff/{userId}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID userId, Authentication authentication,
                  RedirectAttributes redirect) {
        staff.remove(new OrganisationId(id), CurrentUser.id(authentication), userId);
        redirect.addFlashAttribute("notice", "issuer.staff.removed");
        return "redirect:/console/organisations/" + id + "/staff";
    }

    @GetMapping("/console/invitations")
    String invitation(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("invitation", staff.invitation(token));
        model.addAttribute("token", token);
        return "issuer/invitation";
    }

    @PostMapping("/console/invitations")
    String accept(@RequestParam(defaultValue = "") String token, Authentication authentication,
                  RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        String email = accounts.confirmedEmail(user).orElseThrow(UnconfirmedAddress::new);
        OrganisationView joined = staff.accept(token, user, email);
        redirect.addFlashAttribute("notice", "issuer.invitation.accepted");
        return "redirect:/console/organisations/" + joined.id().value();
    }

    private static @Nullable StaffRole roleOf(@Nullable String name) {
        for (StaffRole role : StaffRole.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private String page(OrganisationId organisation, UUID user, Model model) {
        OrganisationView view = organisations.organisation(organisation, user);
        List<MemberView> members = staff.staff(organisation, user);
        Map<UUID, AccountSummary> people = accounts.summaries(members.stream().map(MemberView::userId).toList());
        model.addAttribute("organisation", view);
        model.addAttribute("members", members.stream()
                .map(m -> {
                    AccountSummary who = people.get(m.userId());
                    return new StaffMember(m.userId(), who == null ? "?" : who.displayName(),
                            who == null ? "" : who.email(), m.role(), m.userId().equals(user));
                })
                .sorted(Comparator.comparing(StaffMember::role))
                .toList());
        model.addAttribute("canManage", view.role().includes(StaffRole.ADMIN));
        model.addAttribute("isOwner", view.role() == StaffRole.OWNER);
        model.addAttribute("roles", StaffRole.values());
        return "issuer/staff";
    }
}
