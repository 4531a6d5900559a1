package org.insigne.web.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.insigne.backpack.sharing.ProfileView;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.endorsement.EndorsedKind;
import org.insigne.issuer.endorsement.EndorsementId;
import org.insigne.issuer.endorsement.EndorsementRefused;
import org.insigne.issuer.endorsement.EndorsementLinkService;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.EndorsementView;
import org.insigne.issuer.endorsement.RequestSent;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.issuer.organisation.StaffService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountSummary;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation's endorsements in the console: asking another organisation to endorse it or one of its badge
 * classes, answering the requests it received (accept with a comment, decline), withdrawing what it gave, and
 * offering an endorsement from another organisation's public page. A refusal (self, twice, archived badge
 * class, comment missing or too long, expired request) comes back to the page it was made from, with its
 * message, and changes nothing.
 */
@Controller
class EndorsementController {

    /** The offer form's value for "in my own name". */
    private static final String PERSON = "person";

    /** A badge class or the organisation itself, as the request form offers them. */
    record Target(String value, String name) {
    }

    private final EndorsementService endorsements;
    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final AccountService accounts;
    private final Mailer mailer;
    private final Links links;
    private final PublicProfileService people;
    private final EndorsementLinkService awardEndorsements;
    private final StaffService staff;
    private final EndorsementAskMails mails;

    EndorsementController(EndorsementService endorsements, OrganisationService organisations,
                          BadgeClassService badgeClasses, AccountService accounts, Mailer mailer, Links links,
                          PublicProfileService people, EndorsementLinkService awardEndorsements, StaffService staff,
                          EndorsementAskMails mails) {
        this.staff = staff;
        this.mails = mails;
        this.awardEndorsements = awardEndorsements;
        this.endorsements = endorsements;
        this.people = people;
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
        this.accounts = accounts;
        this.mailer = mailer;
        this.links = links;
    }

    @GetMapping("/console/organisations/{id}/endorsements")
    String page(@PathVariable UUID id, Authentication authentication, Model model) {
        OrganisationId organisation = new OrganisationId(id);
        UUID user = CurrentUser.id(authentication);
        OrganisationView view = organisations.organisation(organisation, user);
        boolean canManage = view.role().includes(StaffRole.ADMIN);
        List<EndorsementView> given = endorsements.given(organisation, user);
        model.addAttribute("organisation", view);
        model.addAttribute("canManage", canManage);
        model.addAttribute("toAnswer", given.stream().filter(EndorsementView::pending).toList());
        model.addAttribute("given", given.stream().filter(e -> !e.pending()).toList());
        model.addAttribute("received", endorsements.received(organisation, user));
        model.addAttribute("maxComment", EndorsementService.MAX_COMMENT_LENGTH);
        if (canManage) {
            model.addAttribute("candidates", endorsements.candidates(organisation, user));
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("ORGANISATION:" + id, view.name()));
            badgeClasses.badgeClasses(organisation, user).stream()
                    .filter(b -> b.status() == BadgeClassStatus.PUBLISHED)
                    .forEach(b -> targets.add(new Target("BADGE_CLASS:" + b.id().value(), b.name())));
            model.addAttribute("targets", targets);
        }
        return "issuer/endorsements";
    }

    @PostMapping("/console/organisations/{id}/endorsements/requests")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String endorser,
                   @RequestParam(defaultValue = "") String target, Authentication authentication, Locale locale,
                   RedirectAttributes redirect) {
        String back = "redirect:/console/organisations/" + id + "/endorsements";
        UUID user = CurrentUser.id(authentication);
        UUID endorserId = uuid(endorser);
        Map.Entry<EndorsedKind, UUID> what = target(target);
        if (endorserId == null || what == null) {
            organisations.requireRole(new OrganisationId(id), user, StaffRole.ADMIN);
            redirect.addFlashAttribute("refusal", endorserId == null ? "error.endorsement.endorser-unknown"
                    : "error.endorsement.target-unavailable");
            return back;
        }
        try {
            RequestSent sent = endorsements.request(new OrganisationId(id), user, what.getKey(), what.getValue(),
                    new OrganisationId(endorserId));
            tell(sent, locale);
            redirect.addFlashAttribute("notice", "issuer.endorsements.requested");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
        }
        return back;
    }

    /**
     * The organisation asks a person by e-mail, with or without an account, to endorse it or one of its badge
     * classes; not a member of its own staff (any of their confirmed addresses).
     */
    @PostMapping("/console/organisations/{id}/endorsements/person-requests")
    String askPerson(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
                     @RequestParam(defaultValue = "") String target, Authentication authentication, Locale locale,
                     RedirectAttributes redirect) {
        String back = "redirect:/console/organisations/" + id + "/endorsements";
        UUID user = CurrentUser.id(authentication);
        OrganisationId organisation = new OrganisationId(id);
        Map.Entry<EndorsedKind, UUID> what = target(target);
        if (what == null) {
            organisations.requireRole(organisation, user, StaffRole.ADMIN);
            redirect.addFlashAttribute("refusal", "error.endorsement.target-unavailable");
            return back;
        }
        try {
            List<String> staffAddresses = staff.staff(organisation, user).stream()
                    .flatMap(m -> accounts.confirmedAddresses(m.userId()).stream()).toList();
            mails.send(awardEndorsements.askForOrganisation(organisation, user, what.getKey(), what.getValue(), staffAddresses,
                    email, locale, links.absolute("")), false);
            redirect.addFlashAttribute("notice", "issuer.endorsements.ask-person.sent");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
        }
        return back;
    }

    @PostMapping("/console/organisations/{id}/endorsements/{endorsement}/accept")
    String accept(@PathVariable UUID id, @PathVariable UUID endorsement,
                  @RequestParam(defaultValue = "") String comment, Authentication authentication,
                  RedirectAttributes redirect) {
        try {
            endorsements.accept(new OrganisationId(id), new EndorsementId(endorsement),
                    CurrentUser.id(authentication), comment, urls());
            redirect.addFlashAttribute("notice", "issuer.endorsements.accepted");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
            keepComment(redirect, comment);
            redirect.addFlashAttribute("commentFor", endorsement);
        }
        return "redirect:/console/organisations/" + id + "/endorsements";
    }

    @PostMapping("/console/organisations/{id}/endorsements/{endorsement}/decline")
    String decline(@PathVariable UUID id, @PathVariable UUID endorsement, Authentication authentication,
                   RedirectAttributes redirect) {
        try {
            endorsements.decline(new OrganisationId(id), new EndorsementId(endorsement), CurrentUser.id(authentication));
            redirect.addFlashAttribute("notice", "issuer.endorsements.declined");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
        }
        return "redirect:/console/organisations/" + id + "/endorsements";
    }

    @PostMapping("/console/organisations/{id}/endorsements/{endorsement}/withdraw")
    String withdraw(@PathVariable UUID id, @PathVariable UUID endorsement, Authentication authentication,
                    RedirectAttributes redirect) {
        try {
            endorsements.withdraw(new OrganisationId(id), new EndorsementId(endorsement),
                    CurrentUser.id(authentication));
            redirect.addFlashAttribute("notice", "issuer.endorsements.withdrawn");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
        }
        return "redirect:/console/organisations/" + id + "/endorsements";
    }

    /**
     * An endorsement offered unasked from the public page of an issuer or a badge class ({@code back}, a path of
     * this site), by an organisation the user administers, or by the user in the name of their public profile
     * ({@code endorser} is {@code person}).
     */
    @PostMapping("/console/endorsements/offer")
    String offer(@RequestParam(defaultValue = "") String endorser, @RequestParam(defaultValue = "") String target,
                 @RequestParam(defaultValue = "") String comment, Authentication authentication,
                 RedirectAttributes redirect) {
        Map.Entry<EndorsedKind, UUID> what = target(target);
        UUID endorserId = uuid(endorser);
        if (what == null) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        String back = "redirect:" + (what.getKey() == EndorsedKind.ORGANISATION
                ? HostedUrls.PATHS.ob2Issuer(what.getValue()) : HostedUrls.PATHS.ob2BadgeClass(what.getValue()));
        UUID user = CurrentUser.id(authentication);
        Optional<ProfileView> profile = PERSON.equals(endorser) ? people.profileOf(user) : Optional.empty();
        if (endorserId == null && profile.isEmpty()) {
            redirect.addFlashAttribute("refusal", PERSON.equals(endorser) ? "error.endorsement.person-without-profile"
                    : "error.endorsement.endorser-unknown");
            return back;
        }
        try {
            if (endorserId == null) {
                endorsements.offerAsPerson(user, profile.get().displayName(), what.getKey(), what.getValue(), comment,
                        urls());
            } else {
                endorsements.offer(new OrganisationId(endorserId), user, what.getKey(), what.getValue(), comment,
                        urls());
            }
            redirect.addFlashAttribute("notice", "issuer.endorsements.offered");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
            keepComment(redirect, comment);
        }
        return back;
    }

    /**
     * What the user endorsed in their own name, with a button to withdraw each published one; and the
     * endorsements of their own badges they asked for, to accept or decline once written.
     */
    @GetMapping("/backpack/endorsements")
    String given(Authentication authentication, Model model) {
        UUID user = CurrentUser.id(authentication);
        model.addAttribute("given", endorsements.givenByPerson(user));
        model.addAttribute("profile", people.profileOf(user).orElse(null));
        model.addAttribute("endorsable", awardEndorsements.endorsable(accounts.confirmedAddresses(user)));
        model.addAttribute("asked", awardEndorsements.askedBy(user));
        model.addAttribute("maxEmail", EndorsementLinkService.MAX_EMAIL);
        return "backpack/endorsements";
    }

    @PostMapping("/backpack/endorsements/{endorsement}/withdraw")
    String withdrawOwn(@PathVariable UUID endorsement, Authentication authentication, RedirectAttributes redirect) {
        try {
            endorsements.withdrawAsPerson(CurrentUser.id(authentication), new EndorsementId(endorsement));
            redirect.addFlashAttribute("notice", "issuer.endorsements.withdrawn");
        } catch (EndorsementRefused refused) {
            refusal(redirect, refused);
        }
        return "redirect:/backpack/endorsements";
    }

    /** Mails the endorser's owners and administrators, each in French (their language is not kept per mail). */
    private void tell(RequestSent sent, Locale locale) {
        EndorsementView e = sent.endorsement();
        Map<UUID, AccountSummary> people = accounts.summaries(sent.endorserAdministrators());
        String link = links.absolute("/console/organisations/" + e.endorserId() + "/endorsements");
        for (AccountSummary who : people.values()) {
            mailer.send(who.email(), "endorsement-request", locale, Map.of(
                    "endorser", e.endorserName(), "endorsed", e.endorsedName(), "link", link));
        }
    }

    /** The comment given back to the form after a refusal, so that nothing typed is lost (within reason). */
    private static void keepComment(RedirectAttributes redirect, String comment) {
        int kept = EndorsementService.MAX_COMMENT_LENGTH * 2;
        redirect.addFlashAttribute("comment", comment.length() > kept ? comment.substring(0, kept) : comment);
    }

    private static void refusal(RedirectAttributes redirect, DomainException refused) {
        redirect.addFlashAttribute("refusal", refused.messageKey());
        redirect.addFlashAttribute("refusalArgs", refused.args().toArray());
    }

    private HostedUrls urls() {
        return links.hostedUrls();
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code KIND:uuid}, as the forms send what is to be endorsed; null when it is anything else. */
    private static Map.@Nullable Entry<EndorsedKind, UUID> target(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        UUID id = uuid(value.substring(colon + 1));
        for (EndorsedKind kind : EndorsedKind.values()) {
            if (kind.name().equals(value.substring(0, colon)) && id != null) {
                return Map.entry(kind, id);
            }
        }
        return null;
    }
}
