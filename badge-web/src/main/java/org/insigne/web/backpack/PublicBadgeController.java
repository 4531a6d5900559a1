package org.insigne.web.backpack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.backpack.badge.BadgeExtras;
import org.insigne.backpack.badge.BadgeImage;
import org.insigne.backpack.badge.BadgeNotFound;
import org.insigne.backpack.badge.PublicBadgeDocument;
import org.insigne.backpack.badge.PublicBadgeView;
import org.insigne.core.baking.Baker;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.Verdict;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.account.AccountUser;
import org.insigne.web.pdf.QrCodes;
import org.insigne.web.system.AlternateLink;
import org.insigne.web.system.FileNames;
import org.insigne.web.system.Links;
import org.insigne.web.verify.BadgeCard;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A badge its owner made public, open to anyone at an unguessable address. It says what the badge is and who
 * issued it, never who holds it: the owner decides where to link it from. Visitors get no share buttons
 * ("add to my LinkedIn profile" is the owner's, on the backpack's page of the badge).
 */
@Controller
class PublicBadgeController {

    private final BackpackService collection;
    private final BadgeSharing sharing;
    private final Clock clock;
    private final Baker baker;
    private final Links links;

    PublicBadgeController(BackpackService collection, BadgeSharing sharing, Clock clock, Baker baker, Links links) {
        this.collection = collection;
        this.sharing = sharing;
        this.clock = clock;
        this.baker = baker;
        this.links = links;
    }

    @GetMapping("/p/badges/{publicId}")
    String badge(@PathVariable String publicId, @AuthenticationPrincipal @Nullable AccountUser viewer, Locale locale,
                 Model model) {
        PublicBadgeView badge = collection.publicBadge(publicId);
        if (viewer != null) {
            // The certificate is its owner's to download: other visitors see no trace of it.
            collection.badgesOf(viewer.id()).stream().filter(own -> own.publicId().equals(publicId)).findFirst()
                    .ifPresent(own -> model.addAttribute("certificateUrl",
                            "/backpack/badges/" + own.id().value() + "/certificate"));
        }
        model.addAttribute("badge", badge);
        model.addAttribute("card", card(badge, clock.instant(), locale));
        model.addAttribute("openGraph", sharing.openGraph(badge.name(), badge.issuerName(), badge.description(),
                badge.publicId(), badge.hasImage(), locale));
        PublicBadgeDocument document = readableDocument(publicId);
        model.addAttribute("alternate", alternate(publicId, document));
        model.addAttribute("publicUrl", sharing.publicUrl(publicId));
        model.addAttribute("downloads", downloads(badge, document,
                badge.hasImage() ? collection.publicImage(publicId) : null));
        return "backpack/public-badge";
    }

    /** One file of a public badge a visitor may download: what its owner made public, nothing more. */
    record PublicDownload(String labelKey, String url, String fileName) {
    }

    /**
     * The badge's document as kept (an address its issuer hosts it at is the alternate, not a file), and its
     * image with the badge baked in, as imported: both already public at the share link's other addresses.
     */
    private static List<PublicDownload> downloads(PublicBadgeView badge, @Nullable PublicBadgeDocument document,
                                                  @Nullable BadgeImage image) {
        String base = "/p/badges/" + badge.publicId() + "/download/";
        String slug = FileNames.slug(badge.name());
        List<PublicDownload> downloads = new ArrayList<>();
        if (document instanceof PublicBadgeDocument.Text text) {
            downloads.add(new PublicDownload(documentLabel(text), base + "document", slug + text.fileSuffix()));
        }
        if (image != null) {
            String extension = image.isSvg() ? "svg" : "png";
            downloads.add(new PublicDownload("backpack.download.baked." + extension, base + "image",
                    slug + "." + extension));
        }
        return downloads;
    }

    private static String documentLabel(PublicBadgeDocument.Text text) {
        return switch (text.fileSuffix()) {
            case "-ob2.json" -> "badge.page.forms.ob2-json";
            case ".json" -> "badge.page.forms.ob3-json";
            case ".jws" -> "badge.page.forms.ob2-jws";
            default -> "badge.page.forms.ob3-jwt";
        };
    }

    /** The badge's document, or its image, as a file named after the badge. */
    @GetMapping("/p/badges/{publicId}/download/{file}")
    ResponseEntity<byte[]> download(@PathVariable String publicId, @PathVariable String file) {
        PublicBadgeView badge = collection.publicBadge(publicId);
        String slug = FileNames.slug(badge.name());
        if (file.equals("image")) {
            BadgeImage image = collection.publicImage(publicId);
            return BadgeImages.download(image, slug + (image.isSvg() ? ".svg" : ".png"));
        }
        if (!file.equals("document")
                || !(collection.publicDocument(publicId, baker) instanceof PublicBadgeDocument.Text text)) {
            throw new BadgeNotFound();
        }
        String mediaType = text.isJson() ? "application/ld+json" : text.spec() == Spec.OB3 ? "application/vc+jwt"
                : "application/jose";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(slug + text.fileSuffix()).build().toString())
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore())
                .body(text.text().getBytes(StandardCharsets.UTF_8));
    }

    /** The badge's document; none when its image no longer holds a readable badge. */
    private @Nullable PublicBadgeDocument readableDocument(String publicId) {
        try {
            return collection.publicDocument(publicId, baker);
        } catch (BadgeNotFound unreadable) {
            return null;
        }
    }

    /**
     * The badge as a machine reads it: where its issuer hosts it, or the document kept here; none when its
     * image no longer holds a readable badge, which leaves the page for people as it was.
     */
    private @Nullable AlternateLink alternate(String publicId, @Nullable PublicBadgeDocument document) {
        if (document == null) {
            return null;
        }
        if (document instanceof PublicBadgeDocument.Elsewhere elsewhere) {
            return new AlternateLink(elsewhere.url().toString(), "application/ld+json");
        }
        PublicBadgeDocument.Text text = (PublicBadgeDocument.Text) document;
        return new AlternateLink(links.absolute(HostedUrls.PATHS.publicBadgeDocument(publicId)),
                text.isJson() ? "application/ld+json" : "text/plain");
    }

    /**
     * The machine-readable badge behind a share link, which the page advertises: the imported document as
     * kept, or a redirection to the address its issuer hosts it at.
     */
    @GetMapping(HostedUrls.PUBLIC_BADGE_DOCUMENT)
    ResponseEntity<byte[]> document(@PathVariable("public") String publicId) {
        PublicBadgeDocument document = collection.publicDocument(publicId, baker);
        if (document instanceof PublicBadgeDocument.Elsewhere elsewhere) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(elsewhere.url()).build();
        }
        PublicBadgeDocument.Text text = (PublicBadgeDocument.Text) document;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(text.mediaType()))
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore())
                .body(text.text().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The badge as every public badge page shows it, from its last verification (and its time): the backpack
     * does not re-verify on each view. A badge whose expiry date has passed since is shown as expired, since
     * that follows from the badge itself.
     */
    static BadgeCard card(PublicBadgeView badge, Instant now, Locale locale) {
        Verdict verdict = switch (badge.status()) {
            case VERIFIED -> Verdict.VALID;
            case UNVERIFIED -> Verdict.INDETERMINATE;
            case INVALID -> Verdict.INVALID;
        };
        BadgeCard.Status status = BadgeCard.statusOf(verdict, badge.lastChecks());
        if (status == BadgeCard.Status.AUTHENTIC && badge.expires() != null && !badge.expires().isAfter(now)) {
            status = BadgeCard.Status.EXPIRED;
        }
        return new BadgeCard(status, BadgeCard.Basis.LAST_CHECK, badge.lastCheckedAt(), null,
                BadgeCard.detailOf(status, badge.lastChecks(), locale), badge.name(),
                badge.hasImage() ? "/p/badges/" + badge.publicId() + "/image" : null, badge.description(),
                badge.level(), badge.issuerName(), null,
                badge.extras().endorsers().stream().map(e -> new BadgeCard.Endorsement(e.name(), e.url(), null))
                        .toList(),
                BadgeCard.criteriaHtml(badge.criteriaNarrative()), null, badge.criteriaUrl() == null ? null : badge.criteriaUrl().toString(),
                badge.extras().evidence().stream().map(e -> new BadgeCard.Evidence(e.url(), e.narrative())).toList(),
                badge.issuedOn(), badge.expires(), null, badge.extras().tags(), alignments(badge.extras()));
    }

    /** The framework entries a kept badge aligns to, as every badge card shows them. */
    static List<BadgeCard.Alignment> alignments(BadgeExtras extras) {
        return extras.alignments().stream()
                .map(a -> new BadgeCard.Alignment(a.name(), a.url(), a.framework(), a.code())).toList();
    }

    /** Where short links live: {@code /b/} and the first characters of a public badge's id. */
    static final String SHORT_LINK = "/b/";

    /**
     * A short link, printed on certificates, sends on to the public page for good (308): it always names the same
     * badge. Not found while the badge is private, like the page.
     */
    @GetMapping(SHORT_LINK + "{shortLink}")
    ResponseEntity<Void> shortLink(@PathVariable String shortLink) {
        String publicId = collection.publicIdOfShortLink(shortLink);
        return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT).location(URI.create(sharing.publicUrl(publicId)))
                .build();
    }

    /** The QR code of the public address; not found once the badge is private again, like the page. */
    @GetMapping("/p/badges/{publicId}/qr.png")
    ResponseEntity<byte[]> qrPng(@PathVariable String publicId) {
        PublicBadgeView badge = collection.publicBadge(publicId);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(sharing.publicUrl(badge.publicId())));
    }

    @GetMapping("/p/badges/{publicId}/qr.svg")
    ResponseEntity<String> qrSvg(@PathVariable String publicId) {
        PublicBadgeView badge = collection.publicBadge(publicId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .header("X-Content-Type-Options", "nosniff").cacheControl(CacheControl.noStore())
                .body(QrCodes.svg(sharing.publicUrl(badge.publicId())));
    }

    @GetMapping("/p/badges/{publicId}/image")
    ResponseEntity<byte[]> image(@PathVariable String publicId) {
        return BadgeImages.serve(collection.publicImage(publicId));
    }
}
