package org.insigne.web.issuer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.apitoken.ApiScope;
import org.insigne.issuer.apitoken.ApiTokenId;
import org.insigne.issuer.apitoken.ApiTokenIssued;
import org.insigne.issuer.apitoken.ApiTokenService;
import org.insigne.issuer.apitoken.InvalidApiToken;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.web.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's API tokens, for owners and administrators: the list, a form to create one, revocation. A new
 * token's secret is shown in the answer to the form, once; it is never stored in a session or shown again.
 */
@Controller
class ApiTokenController {

    /** The creation form; {@code expiresOn} as the date input sends it (empty: never). */
    record TokenForm(@Nullable String name, @Nullable List<String> scopes, @Nullable String expiresOn) {

        public boolean has(ApiScope scope) {
            return scopes != null && scopes.contains(scope.code());
        }
    }

    private final ApiTokenService tokens;
    private final OrganisationService organisations;
    private final Clock clock;

    ApiTokenController(ApiTokenService tokens, OrganisationService organisations, Clock clock) {
        this.tokens = tokens;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/console/organisations/{id}/api-tokens")
    String list(@PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("form", new TokenForm("", List.of(ApiScope.READ.code()), ""));
        return page(new OrganisationId(id), CurrentUser.id(authentication), model);
    }

    @PostMapping("/console/organisations/{id}/api-tokens")
    String create(@PathVariable UUID id, @ModelAttribute("form") TokenForm form, Authentication authentication,
                  Model model, HttpServletResponse response) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        organisations.requireRole(organisation, user, StaffRole.ADMIN);
        BindingResult errors = new BeanPropertyBindingResult(form, "form");
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (form.scopes() != null) {
            for (String code : form.scopes()) {
                ApiScope.of(code).ifPresentOrElse(scopes::add,
                        () -> errors.rejectValue("scopes", "error.api-token.invalid.scopes"));
            }
        }
        LocalDate expiresOn = null;
        if (form.expiresOn() != null && !form.expiresOn().isBlank()) {
            try {
                expiresOn = LocalDate.parse(form.expiresOn().strip());
            } catch (DateTimeParseException e) {
                errors.rejectValue("expiresOn", "error.api-token.invalid.expiry");
            }
        }
        if (!errors.hasErrors()) {
            try {
                ApiTokenIssued issued = tokens.create(organisation, user, form.name() == null ? "" : form.name(),
                        scopes, expiresOn);
                model.addAttribute("issued", issued);
                model.addAttribute("form", new TokenForm("", List.of(ApiScope.READ.code()), ""));
                return page(organisation, user, model);
            } catch (InvalidApiToken invalid) {
                errors.rejectValue(switch (invalid.field()) {
                    case "expiry" -> "expiresOn";
                    default -> invalid.field();
                }, invalid.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        return page(organisation, user, model);
    }

    @PostMapping("/console/organisations/{id}/api-tokens/{token}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID token, Authentication authentication,
                  RedirectAttributes redirect) {
        tokens.revoke(new OrganisationId(id), CurrentUser.id(authentication), new ApiTokenId(token));
        redirect.addFlashAttribute("notice", "issuer.api-tokens.revoked");
        return "redirect:/console/organisations/" + id + "/api-tokens";
    }

    private String page(OrganisationId organisation, UUID user, Model model) {
        model.addAttribute("organisation", organisations.requireRole(organisation, user, StaffRole.ADMIN));
        model.addAttribute("tokens", tokens.tokens(organisation, user));
        model.addAttribute("scopes", ApiScope.values());
        model.addAttribute("now", clock.instant());
        return "issuer/api-tokens";
    }
}
