package org.insigne.web.account;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My addresses": the account's e-mail addresses, each confirmed by a mailed link before badges awarded to it
 * count as the account holder's. The confirmation link works without a session: the token is the proof.
 */
@Controller
class AddressController {

    private final AccountService accounts;

    AddressController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/emails")
    String page(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("form", AddressForm.empty());
        return show(user, model);
    }

    @PostMapping("/account/emails")
    String add(@Valid @ModelAttribute("form") AddressForm form, BindingResult errors,
               @AuthenticationPrincipal AccountUser user, Locale locale, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.addAddress(user.id(), form.email() == null ? "" : form.email(), locale);
                redirect.addFlashAttribute("notice", "account.emails.sent");
                redirect.addFlashAttribute("sentTo", AccountService.normalise(form.email() == null ? "" : form.email()));
                return "redirect:/account/emails";
            } catch (EmailAlreadyYours | EmailAlreadyRegistered | TooManyAddresses refused) {
                errors.rejectValue("email", refused.messageKey(), refused.args().toArray(), null);
            }
        }
        response.setStatus(400);
        return show(user, model);
    }

    @PostMapping("/account/emails/{id}/remove")
    String remove(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        accounts.removeAddress(user.id(), id);
        redirect.addFlashAttribute("notice", "account.emails.removed");
        return "redirect:/account/emails";
    }

    @PostMapping("/account/emails/login/remove")
    String removeLogin(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        String now = accounts.removeLoginAddress(user.id());
        redirect.addFlashAttribute("notice", "account.emails.login-changed");
        redirect.addFlashAttribute("sentTo", now);
        return "redirect:/account/emails";
    }

    @GetMapping("/account/confirm-address")
    String confirm(@RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
        EmailAddressView confirmed = accounts.confirmAddress(token);
        redirect.addFlashAttribute("notice", "account.emails.confirmed.notice");
        redirect.addFlashAttribute("sentTo", confirmed.email());
        return "redirect:/account/emails";
    }

    private String show(AccountUser user, Model model) {
        model.addAttribute("addresses", accounts.addresses(user.id()));
        model.addAttribute("maxAddresses", AccountService.MAX_ADDRESSES);
        return "account/emails";
    }
}
