package org.insigne.web.backpack;

import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The earner's choice of a mail before one of their badges expires (on unless they turn it off). */
@Controller
class ReminderSettingsController {

    private final AccountService accounts;
    private final int days;

    ReminderSettingsController(AccountService accounts, @Value("${insigne.reminders.expiry-days:30}") int days) {
        this.accounts = accounts;
        this.days = days;
    }

    @GetMapping("/backpack/reminders")
    String settings(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("wanted", accounts.wantsExpiryReminders(user.id()));
        model.addAttribute("days", days);
        return "backpack/reminders";
    }

    /** An unticked box sends nothing, which means off; any value other than {@code true} means off too. */
    @PostMapping("/backpack/reminders")
    String choose(@RequestParam(name = "expiryReminders", defaultValue = "") String wanted,
                  @AuthenticationPrincipal AccountUser user) {
        accounts.chooseExpiryReminders(user.id(), "true".equals(wanted));
        return "redirect:/backpack/reminders?saved";
    }
}
