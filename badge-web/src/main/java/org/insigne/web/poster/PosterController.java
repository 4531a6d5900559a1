package org.insigne.web.poster;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.insigne.issuer.application.ApplicationService;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.badgeclass.BadgeClassView;
import org.insigne.issuer.claimcode.ClaimCodeId;
import org.insigne.issuer.claimcode.ClaimCodeService;
import org.insigne.issuer.claimcode.ClaimCodeView;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.web.account.CurrentUser;
import org.insigne.web.pdf.PdfRenderer;
import org.insigne.web.pdf.QrCodes;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A4 posters (tagged PDF) to print and pin up: a claim code's, for awarders and above, and a badge class's
 * "apply for this badge" page, for those who open it to applications. Both show the badge, a QR code of the
 * short address, the address itself, and for a code the code and its end.
 */
@Controller
class PosterController {

    private final ClaimCodeService codes;
    private final ApplicationService applications;
    private final BadgeClassService badgeClasses;
    private final PdfRenderer pdf;
    private final Links links;

    PosterController(ClaimCodeService codes, ApplicationService applications, BadgeClassService badgeClasses,
                     PdfRenderer pdf, Links links) {
        this.codes = codes;
        this.applications = applications;
        this.badgeClasses = badgeClasses;
        this.pdf = pdf;
        this.links = links;
    }

    @GetMapping("/console/organisations/{org}/claim-codes/{code}/poster")
    ResponseEntity<byte[]> claimCode(@PathVariable UUID org, @PathVariable UUID code, Authentication authentication,
                                     Locale locale) {
        UUID user = CurrentUser.id(authentication);
        ClaimCodeView view = codes.code(new OrganisationId(org), new ClaimCodeId(code), user);
        BadgeClassView badgeClass = badgeClasses.badgeClass(new OrganisationId(org), view.badgeClass(), user);
        Map<String, @Nullable Object> model = model(badgeClass, "claim-code.poster.call",
                links.absolute(view.path()));
        model.put("code", view.display());
        model.put("until", view.settings().validUntil());
        return pdf(model, locale, "code-" + view.code());
    }

    @GetMapping("/console/organisations/{org}/badge-classes/{id}/applications/poster")
    ResponseEntity<byte[]> applications(@PathVariable UUID org, @PathVariable UUID id, Authentication authentication,
                                        Locale locale) {
        UUID user = CurrentUser.id(authentication);
        // The same check as the settings page: owners and administrators.
        applications.settings(new OrganisationId(org), new BadgeClassId(id), user);
        BadgeClassView badgeClass = badgeClasses.badgeClass(new OrganisationId(org), new BadgeClassId(id), user);
        return pdf(model(badgeClass, "application.poster.call", links.absolute("/apply/" + id)), locale,
                "apply-" + id);
    }

    private Map<String, @Nullable Object> model(BadgeClassView badgeClass, String call, String link) {
        Map<String, @Nullable Object> model = new HashMap<>();
        model.put("issuerName", badgeClass.organisation().name());
        model.put("badgeName", badgeClass.content().name());
        model.put("image", badgeClasses.image(badgeClass.id()).filter(i -> StoredImage.PNG.equals(i.mediaType()))
                .map(i -> "data:image/png;base64," + Base64.getEncoder().encodeToString(i.bytes())).orElse(null));
        model.put("call", call);
        model.put("qr", QrCodes.pngDataUri(link));
        model.put("link", link);
        model.put("code", null);
        model.put("until", null);
        return model;
    }

    private ResponseEntity<byte[]> pdf(Map<String, @Nullable Object> model, Locale locale, String name) {
        byte[] document = pdf.render("poster/poster", model, locale, List.of());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("insigne-poster-" + name + ".pdf").build().toString())
                .body(document);
    }
}
