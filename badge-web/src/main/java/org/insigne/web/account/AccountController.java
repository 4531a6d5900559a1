package org.insigne.web.account;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up, e-mail confirmation, login page and password reset. */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        // Someone who followed the link of an award mail signed out: say why they must sign in, and how.
        SavedRequest interrupted = new HttpSessionRequestCache().getRequest(request, response);
        model.addAttribute("claiming", interrupted != null && interrupted.getRedirectUrl().contains("/backpack/claim/"));
        return "account/login";
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", SignUpForm.empty());
        return "account/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/signup";
        }
        try {
            accounts.signUp(form.email(), form.displayName(), form.password(), locale);
        } catch (EmailAlreadyRegistered taken) {
            errors.rejectValue("email", taken.messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
            return "account/signup";
        }
        redirect.addFlashAttribute("email", AccountService.normalise(form.email()));
        return "redirect:/signup/sent";
    }

    @GetMapping("/signup/sent")
    String signUpSent() {
        return "account/signup-sent";
    }

    @GetMapping("/account/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
        accounts.confirmEmail(token);
        redirect.addFlashAttribute("notice", "account.confirmed.notice");
        return "redirect:/login";
    }

    @GetMapping("/password/forgot")
    String forgotForm(Model model) {
        model.addAttribute("form", new PasswordResetRequestForm(""));
        return "account/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@Valid @ModelAttribute("form") PasswordResetRequestForm form, BindingResult errors,
                  Locale locale, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/forgot";
        }
        accounts.requestPasswordReset(form.email(), locale);
        return "account/forgot-sent";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        accounts.checkResetToken(token);
        model.addAttribute("form", new NewPasswordForm(token, ""));
        return "account/reset";
    }

    @PostMapping("/password/reset")
    String reset(@Valid @ModelAttribute("form") NewPasswordForm form, BindingResult errors,
                 HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "account/reset";
        }
        accounts.resetPassword(form.token() == null ? "" : form.token(), form.password());
        redirect.addFlashAttribute("notice", "account.reset.done");
        return "redirect:/login";
    }
}
