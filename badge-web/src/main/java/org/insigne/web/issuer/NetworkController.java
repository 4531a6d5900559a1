package org.insigne.web.issuer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.network.NetworkId;
import org.insigne.issuer.network.NetworkMemberView;
import org.insigne.issuer.network.NetworkRefused;
import org.insigne.issuer.network.NetworkService;
import org.insigne.issuer.network.NetworkView;
import org.insigne.issuer.organisation.InvalidOrganisationName;
import org.insigne.issuer.organisation.InvalidOrganisationProfile;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationProfile;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountSummary;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Networks of issuers in the console: creating one, and for its coordinators inviting organisations, removing
 * members and naming other coordinators; for an organisation's owners and administrators, answering invitations
 * and leaving. A refusal (inviting itself or twice, someone who is not a coordinator) comes back to the page it
 * was made from, with its message, and changes nothing.
 */
@Controller
class NetworkController {

    record NetworkForm(
            @NotBlank @Size(max = OrganisationService.MAX_NAME_LENGTH) @Nullable String name,
            @Size(max = OrganisationProfile.MAX_DESCRIPTION) @Nullable String description,
            @Size(max = OrganisationProfile.MAX_URL) @Pattern(regexp = OrganisationProfileController.WEB_ADDRESS)
            @Nullable String websiteUrl,
            @Size(max = OrganisationProfile.MAX_REGION) @Nullable String region,
            @Nullable MultipartFile logo) {

        NetworkForm {
            websiteUrl = OrganisationProfileController.ProfileForm.withScheme(websiteUrl);
        }
    }

    private final NetworkService networks;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final Links links;

    NetworkController(NetworkService networks, OrganisationService organisations, AccountService accounts,
                      Links links) {
        this.links = links;
        this.networks = networks;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @GetMapping("/console/networks")
    String list(Authentication authentication, Model model) {
        model.addAttribute("networks", networks.coordinatedBy(CurrentUser.id(authentication)));
        return "issuer/networks";
    }

    @GetMapping("/console/networks/new")
    String newNetwork(Model model) {
        model.addAttribute("form", new NetworkForm("", "", "", "", null));
        return "issuer/network-new";
    }

    @PostMapping("/console/networks")
    String create(@Valid @ModelAttribute("form") NetworkForm form, BindingResult errors,
                  @RequestParam(required = false) @Nullable String logoKept, Authentication authentication,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        StoredImage logo = UploadedImages.read(form.logo(), logoKept, "logo", false, errors);
        if (!errors.hasErrors()) {
            try {
                NetworkView created = networks.create(CurrentUser.id(authentication), new OrganisationProfile(
                        form.name(), form.description(), form.websiteUrl(), null, null, form.region()), logo, links.hostedUrls());
                redirect.addFlashAttribute("notice", "network.created");
                return "redirect:/console/networks/" + created.id().value();
            } catch (InvalidOrganisationProfile | InvalidOrganisationName invalid) {
                errors.reject(invalid.messageKey());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        UploadedImages.keep(logo, "logo", model);
        return "issuer/network-new";
    }

    @GetMapping("/console/networks/{id}")
    String network(@PathVariable UUID id, Authentication authentication, Model model) {
        NetworkId network = new NetworkId(id);
        UUID user = CurrentUser.id(authentication);
        NetworkView view = networks.network(network, user);
        List<NetworkMemberView> members = networks.members(network, user);
        Map<UUID, AccountSummary> people = accounts.summaries(networks.coordinators(network, user));
        model.addAttribute("network", view);
        model.addAttribute("members", members);
        model.addAttribute("coordinators", people.values().stream().map(AccountSummary::displayName).sorted().toList());
        model.addAttribute("candidates", organisations.directory(new OrganisationId(id)).stream()
                .filter(o -> members.stream().noneMatch(m -> m.organisation().equals(o.id()))).toList());
        return "issuer/network";
    }

    @PostMapping("/console/networks/{id}/invitations")
    String invite(@PathVariable UUID id, @RequestParam(defaultValue = "") String organisation,
                  Authentication authentication, RedirectAttributes redirect) {
        UUID invited = uuid(organisation);
        act(redirect, "network.invited", () -> {
            if (invited == null) {
                networks.network(new NetworkId(id), CurrentUser.id(authentication));
                throw NetworkRefused.organisationUnknown();
            }
            networks.invite(new NetworkId(id), CurrentUser.id(authentication), new OrganisationId(invited));
        });
        return "redirect:/console/networks/" + id;
    }

    @PostMapping("/console/networks/{id}/members/{membership}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID membership, Authentication authentication,
                  RedirectAttributes redirect) {
        act(redirect, "network.removed",
                () -> networks.remove(new NetworkId(id), membership, CurrentUser.id(authentication)));
        return "redirect:/console/networks/" + id;
    }

    /** Names another coordinator by the confirmed address of their account. */
    @PostMapping("/console/networks/{id}/coordinators")
    String addCoordinator(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
                          Authentication authentication, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        act(redirect, "network.coordinator-added", () -> {
            networks.network(new NetworkId(id), user);
            Optional<UUID> account = accounts.accountWithConfirmedAddress(email);
            if (account.isEmpty()) {
                throw new CoordinatorUnknown();
            }
            networks.addCoordinator(new NetworkId(id), user, account.get());
        });
        return "redirect:/console/networks/" + id;
    }

    @GetMapping("/console/organisations/{id}/networks")
    String ofOrganisation(@PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        OrganisationView view = organisations.organisation(organisation, user);
        model.addAttribute("organisation", view);
        model.addAttribute("canManage", view.role().includes(StaffRole.ADMIN));
        model.addAttribute("networks", networks.networksOf(organisation, user));
        return "issuer/organisation-networks";
    }

    @PostMapping("/console/organisations/{id}/networks/{membership}/{answer:accept|decline}")
    String answer(@PathVariable UUID id, @PathVariable UUID membership, @PathVariable String answer,
                  Authentication authentication, RedirectAttributes redirect) {
        boolean accept = answer.equals("accept");
        act(redirect, accept ? "network.accepted" : "network.declined", () -> networks.answer(
                new OrganisationId(id), membership, CurrentUser.id(authentication), accept));
        return "redirect:/console/organisations/" + id + "/networks";
    }

    @PostMapping("/console/organisations/{id}/networks/{membership}/leave")
    String leave(@PathVariable UUID id, @PathVariable UUID membership, Authentication authentication,
                 RedirectAttributes redirect) {
        act(redirect, "network.left",
                () -> networks.leave(new OrganisationId(id), membership, CurrentUser.id(authentication)));
        return "redirect:/console/organisations/" + id + "/networks";
    }

    /**
     * Runs a change and says how it went. Refusals that concern the network's rules come back to the page; not
     * found and a role too low go to the error page, as everywhere in the console.
     */
    private static void act(RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.FORBIDDEN || refused.kind() == DomainException.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** No account has confirmed that address: a coordinator must have an account first. */
    static final class CoordinatorUnknown extends DomainException {
        CoordinatorUnknown() {
            super(Kind.INVALID, "error.network.coordinator-unknown");
        }
    }
}
