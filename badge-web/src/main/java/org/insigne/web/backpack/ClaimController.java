package org.insigne.web.backpack;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.imports.ImportRefused;
import org.insigne.issuer.award.AwardId;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.DisplayDates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The claim link of an award mail: {@code GET} shows what the badge is and a button (a link opened by a mail
 * client's preview must change nothing), {@code POST} adds it. Strangers are sent to the login page and back
 * here (the security configuration keeps the requested page). The award must have been made to one of the
 * account's confirmed addresses; otherwise the page says which addresses were tried and how to add one.
 */
@Controller
class ClaimController {

    private final ClaimService claims;
    private final EarnerVerifications earners;
    private final DisplayDates dates;

    ClaimController(ClaimService claims, EarnerVerifications earners, DisplayDates dates) {
        this.claims = claims;
        this.earners = earners;
        this.dates = dates;
    }

    @GetMapping("/backpack/claim/{id}")
    String page(@PathVariable AwardId id, @AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("award", claims.award(id).orElseThrow(ClaimNotFound::new));
        model.addAttribute("addresses", earners.addressesOf(user));
        model.addAttribute("inBackpack", claims.inBackpack(user.id(), id).orElse(null));
        return "backpack/claim";
    }

    @PostMapping("/backpack/claim/{id}")
    CompletableFuture<String> claim(@PathVariable("id") AwardId award, @AuthenticationPrincipal AccountUser user, Locale locale,
                                    Model model, HttpServletResponse response) {
        List<String> addresses = earners.addressesOf(user);
        return claims.claim(user.id(), award, addresses)
                .thenApply(stored -> "redirect:/backpack/badges/" + stored.id().value() + "?claimed")
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (!(cause instanceof ImportRefused refused)) {
                        throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                    }
                    boolean otherAddress = refused.messageKey().equals("backpack.import.refused.other-recipient");
                    response.setStatus(otherAddress ? 403 : 400);
                    model.addAttribute("otherAddress", otherAddress);
                    model.addAttribute("reason", refused.messageKey());
                    model.addAttribute("addresses", addresses);
                    model.addAttribute("checks", refused.checks().stream()
                            .map(c -> new BackpackController.CheckLine(c.id(), c.status().name().toLowerCase(Locale.ROOT),
                                    dates.message(c, locale)))
                            .toList());
                    claims.award(award).ifPresent(summary -> model.addAttribute("award", summary));
                    return "backpack/claim-refused";
                });
    }
}
