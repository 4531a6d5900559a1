package org.insigne.web.territory;

import java.math.BigDecimal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.StoredBadgeView;
import org.insigne.backpack.badge.VerificationStatus;
import org.insigne.backpack.territory.MyTerritoryEntry;
import org.insigne.backpack.territory.Place;
import org.insigne.backpack.territory.TerritoryService;
import org.insigne.core.error.DomainException;
import org.insigne.web.account.AccountUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The earner's side of the learning-territory map: consent, pseudonym, coarse place and badges, and withdrawal.
 * A refused choice shows the form again with what was typed and the reason, never a bare error page.
 */
@Controller
class TerritoryEarnerController {

    private final TerritoryService territory;
    private final BackpackService badges;

    TerritoryEarnerController(TerritoryService territory, BackpackService badges) {
        this.territory = territory;
        this.badges = badges;
    }

    @GetMapping("/backpack/territory")
    String settings(@AuthenticationPrincipal AccountUser user, Model model) {
        TerritoryForm form = territory.entryOf(user.id()).map(TerritoryEarnerController::formOf)
                .orElseGet(TerritoryForm::empty);
        return page(user, model, form);
    }

    @PostMapping("/backpack/territory")
    String show(@ModelAttribute TerritoryForm form, @AuthenticationPrincipal AccountUser user, Model model,
                HttpServletResponse response) {
        try {
            territory.show(user.id(), form.toChoice());
        } catch (DomainException refused) {
            response.setStatus(refused.kind() == DomainException.Kind.NOT_FOUND ? 404 : 400);
            model.addAttribute("formError", refused.messageKey());
            return page(user, model, form);
        }
        return "redirect:/backpack/territory?saved";
    }

    @PostMapping("/backpack/territory/withdraw")
    String withdraw(@AuthenticationPrincipal AccountUser user) {
        territory.withdraw(user.id());
        return "redirect:/backpack/territory?withdrawn";
    }

    private String page(AccountUser user, Model model, TerritoryForm form) {
        List<StoredBadgeView> all = badges.badgesOf(user.id());
        model.addAttribute("entry", territory.entryOf(user.id()).orElse(null));
        model.addAttribute("eligible", all.stream().filter(TerritoryEarnerController::eligible).toList());
        model.addAttribute("others", all.stream().filter(b -> !eligible(b)).count());
        model.addAttribute("form", form);
        return "territory/settings";
    }

    /** Only public, verified badges may appear on the map; the service checks it again on saving. */
    private static boolean eligible(StoredBadgeView badge) {
        return badge.shared() && badge.status() == VerificationStatus.VERIFIED;
    }

    private static TerritoryForm formOf(MyTerritoryEntry entry) {
        Place place = entry.place();
        return new TerritoryForm(true, entry.pseudonym(), place.name(), text(place.latitude()),
                text(place.longitude()), entry.badges().stream().map(id -> id.value().toString()).toList());
    }

    private static String text(@Nullable BigDecimal degrees) {
        return degrees == null ? "" : degrees.toPlainString();
    }
}
