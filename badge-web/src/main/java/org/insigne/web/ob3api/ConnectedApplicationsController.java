package org.insigne.web.ob3api;

import org.insigne.web.account.AccountUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** "Applications connectées" in the backpack: what each application may do, and withdrawing it. */
@Controller
class ConnectedApplicationsController {

    static final String PAGE = "/backpack/connected-apps";

    private final ConnectedApplicationsService connected;

    ConnectedApplicationsController(ConnectedApplicationsService connected) {
        this.connected = connected;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("applications", connected.of(user.id()));
        return "ob3api/connected-apps";
    }

    @PostMapping(PAGE + "/{clientId}/revoke")
    String revoke(@PathVariable String clientId, @AuthenticationPrincipal AccountUser user) {
        connected.revoke(user.id(), clientId);
        return "redirect:" + PAGE + "?revoked";
    }
}
