package org.insigne.web.account;

import java.util.UUID;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.issuer.organisation.OrganisationService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a plain login lands: the backpack for an earner, the console for a member of an organisation's staff,
 * and a choice for someone who is both (or neither yet), rather than a console that asks an earner to create
 * an association. A login that interrupted a visit (a claim link) goes back there instead.
 */
@Controller
class LandingController {

    static final String PATH = "/start";

    private final OrganisationService organisations;
    private final BackpackService backpack;

    LandingController(OrganisationService organisations, BackpackService backpack) {
        this.organisations = organisations;
        this.backpack = backpack;
    }

    @GetMapping(PATH)
    String land(Authentication authentication) {
        UUID user = CurrentUser.id(authentication);
        boolean staff = !organisations.organisationsOf(user).isEmpty();
        boolean earner = backpack.countOf(user) > 0;
        if (staff && !earner) {
            return "redirect:/console";
        }
        if (earner && !staff) {
            return "redirect:/backpack";
        }
        return "account/start";
    }
}
