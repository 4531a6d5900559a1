package org.insigne.web.claimcode;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.insigne.core.error.DomainException;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.claimcode.ClaimCodeId;
import org.insigne.issuer.claimcode.ClaimCodeRefused;
import org.insigne.issuer.claimcode.ClaimCodeService;
import org.insigne.issuer.claimcode.ClaimCodeSettings;
import org.insigne.issuer.claimcode.ClaimCodeView;
import org.insigne.issuer.claimcode.ClaimMode;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.application.Refusals;
import org.insigne.web.pdf.QrCodes;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The issuer's side of claim codes: a badge class's codes and the form that creates one, a code's page with
 * its short address, QR code and uses, closing it early, and its poster. Roles are checked by the service.
 */
@Controller
class ClaimCodeConsoleController {

    private static final String CODES = "/console/organisations/{org}/badge-classes/{id}/claim-codes";
    private static final String CODE = "/console/organisations/{org}/claim-codes/{code}";

    private final ClaimCodeService codes;
    private final BadgeClassService badgeClasses;
    private final Links links;
    private final Clock clock;
    private final ZoneId zone;

    ClaimCodeConsoleController(ClaimCodeService codes, BadgeClassService badgeClasses, Links links, Clock clock,
                               @Value("${insigne.display.time-zone:Europe/Paris}") ZoneId zone) {
        this.codes = codes;
        this.badgeClasses = badgeClasses;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
    }

    /** The creation form's fields as typed; times are local to {@code insigne.display.time-zone}. */
    record CodeForm(@Nullable ClaimMode mode, @Nullable String level,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime validFrom,
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime validUntil,
                    @Nullable Integer maxUses) {
    }

    @GetMapping(CODES)
    String list(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication, Model model) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
        return list(org, id, CurrentUser.id(authentication),
                new CodeForm(ClaimMode.AWARD, "", now, now.plus(Duration.ofHours(8)), 50), model);
    }

    @PostMapping(CODES)
    String create(@PathVariable UUID org, @PathVariable UUID id, CodeForm form, BindingResult typedBadly,
                  Authentication authentication,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        UUID user = CurrentUser.id(authentication);
        ClaimCodeView created;
        // A field that did not parse is left empty, and the settings' checks then say which one is wrong.
        try {
            created = codes.create(new OrganisationId(org), new BadgeClassId(id), user, settings(form));
        } catch (ClaimCodeRefused refused) {
            response.setStatus(Refusals.status(refused));
            model.addAttribute("refusal", refused);
            return list(org, id, user, form, model);
        }
        redirect.addFlashAttribute("notice", "claim-code.created");
        return "redirect:/console/organisations/" + org + "/claim-codes/" + created.id().value();
    }

    @GetMapping(CODE)
    String code(@PathVariable UUID org, @PathVariable UUID code, Authentication authentication, Model model) {
        UUID user = CurrentUser.id(authentication);
        ClaimCodeView view = codes.code(new OrganisationId(org), new ClaimCodeId(code), user);
        model.addAttribute("code", view);
        model.addAttribute("badgeClass", badgeClasses.badgeClass(new OrganisationId(org), view.badgeClass(), user));
        model.addAttribute("shortLink", shortLink(view));
        return "claimcode/code";
    }

    @GetMapping(value = CODE + "/qr.svg")
    ResponseEntity<String> qr(@PathVariable UUID org, @PathVariable UUID code, Authentication authentication) {
        ClaimCodeView view = codes.code(new OrganisationId(org), new ClaimCodeId(code), CurrentUser.id(authentication));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore())
                .body(QrCodes.svg(shortLink(view)));
    }

    @PostMapping(CODE + "/close")
    String close(@PathVariable UUID org, @PathVariable UUID code, Authentication authentication,
                 RedirectAttributes redirect) {
        codes.close(new OrganisationId(org), new ClaimCodeId(code), CurrentUser.id(authentication));
        redirect.addFlashAttribute("notice", "claim-code.closed");
        return "redirect:/console/organisations/" + org + "/claim-codes/" + code;
    }

    private String list(UUID org, UUID id, UUID user, CodeForm form, Model model) {
        OrganisationId organisation = new OrganisationId(org);
        model.addAttribute("badgeClass", badgeClasses.badgeClass(organisation, new BadgeClassId(id), user));
        model.addAttribute("codes", codes.codes(organisation, new BadgeClassId(id), user));
        model.addAttribute("form", form);
        model.addAttribute("modes", ClaimMode.values());
        return "claimcode/codes";
    }

    private String shortLink(ClaimCodeView view) {
        return links.absolute(view.path());
    }

    private ClaimCodeSettings settings(CodeForm form) {
        if (form.validFrom() == null || form.validUntil() == null) {
            throw new ClaimCodeRefused(DomainException.Kind.INVALID, "window");
        }
        if (form.maxUses() == null) {
            throw new ClaimCodeRefused(DomainException.Kind.INVALID, "max-uses", ClaimCodeSettings.MAX_USES);
        }
        return new ClaimCodeSettings(form.mode() == null ? ClaimMode.AWARD : form.mode(),
                form.level() == null ? "" : form.level(), form.validFrom().atZone(zone).toInstant(),
                form.validUntil().atZone(zone).toInstant(), form.maxUses());
    }
}
