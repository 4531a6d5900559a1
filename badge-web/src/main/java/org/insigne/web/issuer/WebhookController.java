package org.insigne.web.issuer;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.webhook.InvalidWebhook;
import org.insigne.issuer.webhook.WebhookEndpointId;
import org.insigne.issuer.webhook.WebhookEvent;
import org.insigne.issuer.webhook.WebhookSecretIssued;
import org.insigne.issuer.webhook.WebhookService;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
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
 * An organisation's webhook endpoints, for owners and administrators: the list and a form to register one, then
 * per endpoint its delivery log, redelivery, secret rotation, disabling, enabling and deletion. A secret is
 * shown in the answer to the form that made it, once; it is never kept in a session or shown again.
 */
@Controller
class WebhookController {

    /** The registration form. */
    record EndpointForm(@Nullable String url, @Nullable List<String> events) {

        public boolean has(WebhookEvent event) {
            return events != null && events.contains(event.code());
        }
    }

    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;
    private final OrganisationService organisations;
    private final Links links;

    WebhookController(WebhookService webhooks, WebhookDispatcher dispatcher, OrganisationService organisations,
                      Links links) {
        this.links = links;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
        this.organisations = organisations;
    }

    @GetMapping("/console/organisations/{id}/webhooks")
    String list(@PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("form", new EndpointForm("", List.of(WebhookEvent.AWARD_CREATED.code())));
        return list(new OrganisationId(id), CurrentUser.id(authentication), model);
    }

    @PostMapping("/console/organisations/{id}/webhooks")
    String create(@PathVariable UUID id, @ModelAttribute("form") EndpointForm form, Authentication authentication,
                  Model model, HttpServletResponse response) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        organisations.requireRole(organisation, user, StaffRole.ADMIN);
        BindingResult errors = new BeanPropertyBindingResult(form, "form");
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (form.events() != null) {
            for (String code : form.events()) {
                WebhookEvent.of(code).ifPresentOrElse(events::add,
                        () -> errors.rejectValue("events", "error.webhook.invalid.events"));
            }
        }
        if (events.isEmpty() && !errors.hasFieldErrors("events")) {
            errors.rejectValue("events", "error.webhook.invalid.events");
        }
        try {
            URI url = webhooks.checkedUrl(form.url() == null ? "" : form.url());
            // Refused before anything is stored: a private address would never receive anything.
            Optional<String> refusal = dispatcher.refusal(url);
            refusal.ifPresent(key -> errors.rejectValue("url", key));
            if (!errors.hasErrors()) {
                WebhookSecretIssued issued = webhooks.create(organisation, user, url.toString(), events,
                        links.absolute(""));
                model.addAttribute("issued", issued);
                model.addAttribute("form", new EndpointForm("", List.of(WebhookEvent.AWARD_CREATED.code())));
                return list(organisation, user, model);
            }
        } catch (InvalidWebhook invalid) {
            errors.rejectValue(switch (invalid.field()) {
                case "events" -> "events";
                default -> "url";
            }, invalid.messageKey());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        return list(organisation, user, model);
    }

    @GetMapping("/console/organisations/{id}/webhooks/{endpoint}")
    String show(@PathVariable UUID id, @PathVariable UUID endpoint, Authentication authentication, Model model) {
        return show(new OrganisationId(id), CurrentUser.id(authentication), new WebhookEndpointId(endpoint), model);
    }

    @PostMapping("/console/organisations/{id}/webhooks/{endpoint}/rotate")
    String rotate(@PathVariable UUID id, @PathVariable UUID endpoint, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        model.addAttribute("issued", webhooks.rotate(organisation, user, new WebhookEndpointId(endpoint)));
        return show(organisation, user, new WebhookEndpointId(endpoint), model);
    }

    @PostMapping("/console/organisations/{id}/webhooks/{endpoint}/disable")
    String disable(@PathVariable UUID id, @PathVariable UUID endpoint, Authentication authentication,
                   RedirectAttributes redirect) {
        webhooks.disable(new OrganisationId(id), CurrentUser.id(authentication), new WebhookEndpointId(endpoint));
        return back(id, endpoint, redirect, "issuer.webhooks.disabled");
    }

    @PostMapping("/console/organisations/{id}/webhooks/{endpoint}/enable")
    String enable(@PathVariable UUID id, @PathVariable UUID endpoint, Authentication authentication,
                  RedirectAttributes redirect) {
        webhooks.enable(new OrganisationId(id), CurrentUser.id(authentication), new WebhookEndpointId(endpoint));
        return back(id, endpoint, redirect, "issuer.webhooks.enabled");
    }

    @PostMapping("/console/organisations/{id}/webhooks/{endpoint}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID endpoint, Authentication authentication,
                  RedirectAttributes redirect) {
        webhooks.delete(new OrganisationId(id), CurrentUser.id(authentication), new WebhookEndpointId(endpoint));
        redirect.addFlashAttribute("notice", "issuer.webhooks.deleted");
        return "redirect:/console/organisations/" + id + "/webhooks";
    }

    @PostMapping("/console/organisations/{id}/webhooks/{endpoint}/deliveries/{delivery}/redeliver")
    String redeliver(@PathVariable UUID id, @PathVariable UUID endpoint, @PathVariable UUID delivery,
                     Authentication authentication, RedirectAttributes redirect) {
        try {
            webhooks.redeliver(new OrganisationId(id), CurrentUser.id(authentication),
                    new WebhookEndpointId(endpoint), delivery);
            return back(id, endpoint, redirect, "issuer.webhooks.redelivered");
        } catch (InvalidWebhook refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            return "redirect:/console/organisations/" + id + "/webhooks/" + endpoint;
        }
    }

    private static String back(UUID id, UUID endpoint, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/console/organisations/" + id + "/webhooks/" + endpoint;
    }

    private String list(OrganisationId organisation, UUID user, Model model) {
        model.addAttribute("organisation", organisations.requireRole(organisation, user, StaffRole.ADMIN));
        model.addAttribute("endpoints", webhooks.endpoints(organisation, user));
        model.addAttribute("events", WebhookEvent.values());
        return "issuer/webhooks";
    }

    private String show(OrganisationId organisation, UUID user, WebhookEndpointId endpoint, Model model) {
        model.addAttribute("organisation", organisations.requireRole(organisation, user, StaffRole.ADMIN));
        model.addAttribute("endpoint", webhooks.endpoint(organisation, user, endpoint));
        model.addAttribute("attempts", webhooks.attempts(organisation, user, endpoint));
        return "issuer/webhook";
    }
}
