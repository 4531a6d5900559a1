package org.insigne.web.backpack;

import java.util.Locale;

import org.insigne.backpack.collection.CollectionService;
import org.insigne.backpack.collection.PublicBadgeView;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A badge its owner made public, open to anyone at an unguessable address. It says what the badge is and who
 * issued it, never who holds it: the owner decides where to link it from.
 */
@Controller
class PublicBadgeController {

    private final CollectionService collection;
    private final BadgeSharing sharing;

    PublicBadgeController(CollectionService collection, BadgeSharing sharing) {
        this.collection = collection;
        this.sharing = sharing;
    }

    @GetMapping("/p/badges/{publicId}")
    String badge(@PathVariable String publicId, Locale locale, Model model) {
        PublicBadgeView badge = collection.publicBadge(publicId);
        model.addAttribute("badge", badge);
        model.addAttribute("share", sharing.links(badge.name(), badge.issuerName(), badge.issuedOn(),
                badge.publicId(), badge.hasImage(), locale));
        model.addAttribute("openGraph", sharing.openGraph(badge.name(), badge.issuerName(), badge.description(),
                badge.publicId(), badge.hasImage(), locale));
        return "backpack/public-badge";
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
