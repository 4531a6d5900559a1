package org.insigne.web.issuer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.sharing.ProfileView;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.endorsement.EndorsementLinkService;
import org.insigne.issuer.endorsement.EndorsementLinkService.PageLink;
import org.insigne.issuer.endorsement.EndorsementLinkService.PersonRequest;
import org.insigne.issuer.endorsement.EndorsementId;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.EndorserDetails;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Endorsements asked of a person by e-mail: the earner asks from the backpack about their awarded badge, and
 * accepts or declines what the person wrote (an organisation asks from its console); the person answers through
 * the mailed link, with their account or without one; a person without an account has a page of their own (mailed once they answered) where they see what is
 * kept about them, withdraw an endorsement, or erase it all. A refusal comes back to its form with its message
 * and what was typed; an expired, replaced or used link gets the error page, which says so.
 */
@Controller
class EndorsementLinkController {

    private static final String LINK = "/endorse/{token}";
    private static final String PAGE = "/endorser/{token}";
    private static final String BACKPACK = "redirect:/backpack/endorsements";

    private final EndorsementLinkService endorsements;
    private final AccountService accounts;
    private final PublicProfileService people;
    private final Mailer mailer;
    private final Links links;
    private final EndorsementAskMails mails;

    EndorsementLinkController(EndorsementLinkService endorsements, AccountService accounts,
                               PublicProfileService people, Mailer mailer, Links links, EndorsementAskMails mails) {
        this.endorsements = endorsements;
        this.accounts = accounts;
        this.people = people;
        this.mailer = mailer;
        this.links = links;
        this.mails = mails;
    }

    @PostMapping("/backpack/endorsements/ask")
    String ask(@RequestParam(defaultValue = "") String award, @RequestParam(defaultValue = "") String email,
               Authentication authentication, Locale locale, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        UUID id = uuid(award);
        if (id == null) {
            redirect.addFlashAttribute("refusal", "error.endorsement.target-unavailable");
            return BACKPACK;
        }
        try {
            PersonRequest sent = endorsements.ask(user, accounts.confirmedAddresses(user), new AwardId(id), email,
                    locale, links.absolute(""));
            mails.send(sent, false);
            redirect.addFlashAttribute("notice", "backpack.endorsements.asked");
        } catch (DomainException refused) {
            refusal(redirect, refused);
            redirect.addFlashAttribute("askEmail", email.length() > 320 ? "" : email);
        }
        return BACKPACK;
    }

    @PostMapping("/backpack/endorsements/received/{endorsement}/accept")
    String accept(@PathVariable UUID endorsement, Authentication authentication, RedirectAttributes redirect) {
        try {
            endorsements.accept(CurrentUser.id(authentication), new EndorsementId(endorsement), links.hostedUrls());
            redirect.addFlashAttribute("notice", "backpack.endorsements.received.accepted");
        } catch (DomainException refused) {
            refusal(redirect, refused);
        }
        return BACKPACK;
    }

    @PostMapping("/backpack/endorsements/received/{endorsement}/decline")
    String decline(@PathVariable UUID endorsement, Authentication authentication, RedirectAttributes redirect) {
        try {
            endorsements.decline(CurrentUser.id(authentication), new EndorsementId(endorsement));
            redirect.addFlashAttribute("notice", "backpack.endorsements.received.declined");
        } catch (DomainException refused) {
            refusal(redirect, refused);
        }
        return BACKPACK;
    }

    @GetMapping(LINK)
    String link(@PathVariable String token, @Nullable Authentication authentication, Model model) {
        model.addAttribute("request", endorsements.byLink(token));
        model.addAttribute("token", token);
        model.addAttribute("asPerson", profileOf(authentication).map(ProfileView::displayName).orElse(null));
        model.addAttribute("maxComment", EndorsementService.MAX_COMMENT_LENGTH);
        return "endorse/link";
    }

    @PostMapping(LINK)
    String answer(@PathVariable String token, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String affiliation,
                  @RequestParam(defaultValue = "") String website, @RequestParam(defaultValue = "") String comment,
                  @Nullable Authentication authentication, Model model, HttpServletResponse response) {
        Optional<ProfileView> profile = profileOf(authentication);
        try {
            if (profile.isPresent()) {
                endorsements.answerWithAccount(token, CurrentUser.id(authentication), profile.get().displayName(),
                        comment, links.hostedUrls());
            } else {
                PageLink page = endorsements.answerWithoutAccount(token,
                        EndorserDetails.checked(name, role, affiliation, website), comment, links.hostedUrls());
                mailer.send(page.email(), "endorser-page", Locale.forLanguageTag(page.locale()),
                        Map.of("link", links.absolute("/endorser/" + page.token())));
            }
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.GONE) {
                throw refused;
            }
            response.setStatus(422);
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArgs", refused.args().toArray());
            model.addAttribute("form", Map.of("name", cut(name), "role", cut(role), "affiliation", cut(affiliation),
                    "website", cut(website), "comment", cut(comment)));
            return link(token, authentication, model);
        }
        return "redirect:/endorse/done?outcome=" + (profile.isPresent() ? "sent" : "sent-page");
    }

    @PostMapping(LINK + "/decline")
    String declineByLink(@PathVariable String token) {
        endorsements.declineByLink(token);
        return "redirect:/endorse/done?outcome=declined";
    }

    @GetMapping("/endorse/done")
    String done(@RequestParam(defaultValue = "") String outcome, Model model) {
        model.addAttribute("outcome", switch (outcome) {
            case "sent", "sent-page", "declined", "erased" -> outcome;
            default -> "sent";
        });
        return "endorse/done";
    }

    @GetMapping(PAGE)
    String page(@PathVariable String token, Model model) {
        model.addAttribute("page", endorsements.page(token));
        model.addAttribute("token", token);
        return "endorse/endorser";
    }

    @PostMapping(PAGE + "/endorsements/{endorsement}/withdraw")
    String withdrawByPage(@PathVariable String token, @PathVariable UUID endorsement, RedirectAttributes redirect) {
        try {
            endorsements.withdrawByPage(token, new EndorsementId(endorsement));
            redirect.addFlashAttribute("notice", "issuer.endorsements.withdrawn");
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.GONE) {
                throw refused;
            }
            refusal(redirect, refused);
        }
        return "redirect:/endorser/" + token;
    }

    @PostMapping(PAGE + "/erase")
    String erase(@PathVariable String token) {
        endorsements.eraseByPage(token);
        return "redirect:/endorse/done?outcome=erased";
    }

    private Optional<ProfileView> profileOf(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return people.profileOf(CurrentUser.id(authentication));
    }

    private static String cut(String value) {
        int kept = EndorsementService.MAX_COMMENT_LENGTH * 2;
        return value.length() > kept ? value.substring(0, kept) : value;
    }

    private static void refusal(RedirectAttributes redirect, DomainException refused) {
        redirect.addFlashAttribute("refusal", refused.messageKey());
        redirect.addFlashAttribute("refusalArgs", refused.args().toArray());
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
