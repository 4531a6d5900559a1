package org.insigne.web.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.web.account.AccountUser;
import org.insigne.web.account.PasswordAttemptsExceeded;
import org.insigne.web.account.WrongPassword;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My data": the export of everything about me, and the deletion of my account. */
@Controller
class DataRightsController {

    private final DataRightsService rights;

    DataRightsController(DataRightsService rights) {
        this.rights = rights;
    }

    @GetMapping("/account")
    String page() {
        return "account/data";
    }

    @GetMapping("/account/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountUser user) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("insigne-data.zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(rights.export(user.id()));
    }

    @PostMapping("/account/delete")
    String delete(DeleteAccountForm form, @AuthenticationPrincipal AccountUser user, Authentication authentication,
                  HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        try {
            rights.erase(user.id(), form.passwordOrEmpty());
        } catch (WrongPassword | PasswordAttemptsExceeded refused) {
            response.setStatus(refused instanceof WrongPassword ? 400 : 429);
            model.addAttribute("deleteError", refused.messageKey());
            return "account/data";
        }
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        redirect.addFlashAttribute("notice", "privacy.deleted");
        return "redirect:/";
    }
}
