package org.insigne.web.backpack;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.badge.PublicBadgeView;
import org.insigne.backpack.sharing.InvalidProfileName;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.backpack.sharing.PublicProfileView;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.Links;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The earner's public profile: its settings under {@code /backpack/profile} (off by default, a name of their
 * choosing), and the page itself at {@code /p/profiles/{id}}, which lists only public badges and collections.
 */
@Controller
class PublicProfileController {

    private final PublicProfileService profiles;
    private final Links links;
    private final MessageSource messages;

    PublicProfileController(PublicProfileService profiles, Links links, MessageSource messages) {
        this.profiles = profiles;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/backpack/profile")
    String settings(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("profile", profiles.profileOf(user.id()).orElse(null));
        return "backpack/profile";
    }

    @PostMapping("/backpack/profile")
    String publish(@RequestParam(defaultValue = "") String displayName, @AuthenticationPrincipal AccountUser user,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            profiles.publish(user.id(), displayName);
        } catch (InvalidProfileName invalid) {
            response.setStatus(400);
            model.addAttribute("profile", profiles.profileOf(user.id()).orElse(null));
            model.addAttribute("nameError", invalid.messageKey());
            model.addAttribute("displayName", displayName);
            return "backpack/profile";
        }
        redirect.addFlashAttribute("notice", "sharing.profile.saved");
        return "redirect:/backpack/profile";
    }

    @PostMapping("/backpack/profile/withdraw")
    String withdraw(@AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        profiles.withdraw(user.id());
        redirect.addFlashAttribute("notice", "sharing.profile.withdrawn");
        return "redirect:/backpack/profile";
    }

    @GetMapping("/p/profiles/{publicId}")
    String profile(@PathVariable String publicId, Locale locale, Model model) {
        PublicProfileView profile = profiles.publicProfile(publicId);
        model.addAttribute("profile", profile);
        PublicBadgeView first = profile.badges().stream().filter(PublicBadgeView::hasImage).findFirst().orElse(null);
        model.addAttribute("openGraph", new BadgeSharing.OpenGraph(
                messages.getMessage("sharing.profile.og-title", new Object[] {profile.displayName()}, locale),
                messages.getMessage("sharing.profile.og-text",
                        new Object[] {profile.displayName(), profile.badges().size()}, locale),
                links.absolute("/p/profiles/" + profile.publicId()),
                first == null ? null : links.absolute("/p/badges/" + first.publicId() + "/image")));
        return "backpack/public-profile";
    }
}
