package org.insigne.web.openrecognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.imports.ImportRefused;
import org.insigne.backpack.sharing.ProfileView;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.issuer.cobuild.BadgeTemplate;
import org.insigne.issuer.openrecognition.OpenRecognitionService;
import org.insigne.issuer.openrecognition.PersonBadgeDraft;
import org.insigne.issuer.openrecognition.PersonBadgeKind;
import org.insigne.issuer.openrecognition.PersonBadgeRefused;
import org.insigne.issuer.openrecognition.PersonBadgeState;
import org.insigne.web.account.AccountService;
import org.insigne.web.account.AccountUser;
import org.insigne.web.system.Links;
import org.insigne.web.system.Mailer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Open recognition in the backpack: a person declares a badge for themselves (it lands in their backpack at
 * once), awards one to another person by e-mail, sees and revokes what they issued; the recipient of a peer
 * badge claims it into their backpack or declines it from the mailed link. A refused form comes back with every
 * field as typed and each problem beside its field.
 */
@Controller
class PersonBadgeController {

    private final OpenRecognitionService service;
    private final PersonBadgeImports imports;
    private final AccountService accounts;
    private final PublicProfileService profiles;
    private final Links links;
    private final Mailer mailer;

    PersonBadgeController(OpenRecognitionService service, PersonBadgeImports imports, AccountService accounts,
                          PublicProfileService profiles, Links links, Mailer mailer) {
        this.service = service;
        this.imports = imports;
        this.accounts = accounts;
        this.profiles = profiles;
        this.links = links;
        this.mailer = mailer;
    }

    @GetMapping("/backpack/person-badges")
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("issued", service.issuedBy(user.id()));
        return "openrecognition/list";
    }

    @GetMapping("/backpack/person-badges/declare")
    String declareForm(Model model) {
        model.addAttribute("form", PersonBadgeForm.empty());
        return form(model, PersonBadgeKind.SELF_DECLARED);
    }

    @GetMapping("/backpack/person-badges/award")
    String awardForm(Model model) {
        model.addAttribute("form", PersonBadgeForm.empty());
        return form(model, PersonBadgeKind.PEER);
    }

    @PostMapping("/backpack/person-badges/declare")
    CompletableFuture<String> declare(@ModelAttribute("form") PersonBadgeForm form, BindingResult errors,
                                      @AuthenticationPrincipal AccountUser user, Model model,
                                      HttpServletResponse response) {
        List<String> addresses = accounts.confirmedAddresses(user.id());
        OpenRecognitionService.Issued issued;
        try {
            issued = service.declare(user.id(), issuerName(user), addresses.isEmpty() ? null : addresses.get(0),
                    draft(form), links.hostedUrls());
        } catch (PersonBadgeRefused refused) {
            response.setStatus(400);
            reject(errors, refused);
            return CompletableFuture.completedFuture(form(model, PersonBadgeKind.SELF_DECLARED));
        }
        return imports.keep(user.id(), issued, addresses)
                .thenApply(stored -> "redirect:/backpack/badges/" + stored.id().value() + "?declared");
    }

    @PostMapping("/backpack/person-badges/award")
    String award(@ModelAttribute("form") PersonBadgeForm form, BindingResult errors,
                 @AuthenticationPrincipal AccountUser user, Model model,
                 Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        OpenRecognitionService.Issued issued;
        try {
            List<String> own = new ArrayList<>(accounts.confirmedAddresses(user.id()));
            own.add(user.email());
            issued = service.award(user.id(), issuerName(user), own, form.recipient(), draft(form),
                    links.hostedUrls());
        } catch (PersonBadgeRefused refused) {
            response.setStatus(refused.kind() == PersonBadgeRefused.Kind.CONFLICT ? 409 : 400);
            reject(errors, refused);
            return form(model, PersonBadgeKind.PEER);
        }
        // The recipient's language is unknown: the mail goes in the language the awarder wrote in.
        mailer.send(issued.badge().recipientEmail(), "peer-badge", locale, Map.of(
                "issuer", issued.badge().issuerName(), "badge", issued.badge().name(),
                "link", links.absolute("/backpack/peer-badges/" + issued.badge().id()),
                Mailer.SUBJECT_ARGS, List.of(issued.badge().issuerName(), issued.badge().name())));
        redirect.addFlashAttribute("notice", "openrecognition.award.sent");
        return "redirect:/backpack/person-badges";
    }

    @PostMapping("/backpack/person-badges/{id}/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        service.revoke(id, user.id());
        redirect.addFlashAttribute("notice", "openrecognition.revoked");
        return "redirect:/backpack/person-badges";
    }

    /** The mailed link: what the badge is, from whom, and two buttons; opening it changes nothing. */
    @GetMapping("/backpack/peer-badges/{id}")
    String offered(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user, Model model) {
        OpenRecognitionService.Issued badge = peerBadgeFor(id, user);
        model.addAttribute("badge", badge.badge());
        return "openrecognition/offered";
    }

    @PostMapping("/backpack/peer-badges/{id}/claim")
    CompletableFuture<String> claim(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user, Model model,
                                    HttpServletResponse response) {
        OpenRecognitionService.Issued badge = peerBadgeFor(id, user);
        if (badge.badge().state() == PersonBadgeState.DECLINED || badge.badge().revoked()) {
            response.setStatus(410);
            model.addAttribute("badge", badge.badge());
            return CompletableFuture.completedFuture("openrecognition/offered");
        }
        return imports.keep(user.id(), badge, addressesOf(user))
                .thenApply(stored -> {
                    service.markClaimed(id, user.id());
                    return "redirect:/backpack/badges/" + stored.id().value() + "?claimed";
                })
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (!(cause instanceof ImportRefused refused)) {
                        throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                    }
                    response.setStatus(400);
                    model.addAttribute("badge", badge.badge());
                    model.addAttribute("reason", refused.messageKey());
                    return "openrecognition/offered";
                });
    }

    @PostMapping("/backpack/peer-badges/{id}/decline")
    String decline(@PathVariable UUID id, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        service.decline(id, user.id(), addressesOf(user));
        redirect.addFlashAttribute("notice", "openrecognition.declined");
        return "redirect:/backpack";
    }

    private OpenRecognitionService.Issued peerBadgeFor(UUID id, AccountUser user) {
        return service.offeredTo(id, addressesOf(user));
    }

    private List<String> addressesOf(AccountUser user) {
        return accounts.confirmedAddresses(user.id());
    }

    /** The name the person shows: their public profile's when they have one, else their account's. */
    private String issuerName(AccountUser user) {
        return profiles.profileOf(user.id()).map(ProfileView::displayName).orElse(user.displayName());
    }

    private static PersonBadgeDraft draft(PersonBadgeForm form) {
        return PersonBadgeDraft.of(form.name(), form.description(), form.narrative(), form.level(), form.evidence(),
                form.shape(), form.colour());
    }

    private static void reject(BindingResult errors, PersonBadgeRefused refused) {
        refused.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey(), p.args().toArray(), null));
    }

    private static String form(Model model, PersonBadgeKind kind) {
        model.addAttribute("kind", kind.name());
        model.addAttribute("levels", PersonBadgeDraft.LEVELS);
        model.addAttribute("shapes", BadgeTemplate.Shape.values());
        model.addAttribute("colours", BadgeTemplate.Colour.values());
        return "openrecognition/form";
    }
}
