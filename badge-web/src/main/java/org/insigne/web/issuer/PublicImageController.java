package org.insigne.web.issuer;

import java.util.UUID;

import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.StoredImage;
import org.insigne.issuer.network.NetworkId;
import org.insigne.issuer.network.NetworkService;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logos and badge images at stable public addresses, as badges will name them. Served as uploaded, with the type
 * found in their bytes; an SVG opened directly gets a sandboxing policy, so that even a script slipping through
 * the upload checks could not run with this site's rights.
 */
@RestController
class PublicImageController {

    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final OrganisationService organisations;
    private final BadgeClassService badgeClasses;
    private final NetworkService networks;

    PublicImageController(OrganisationService organisations, BadgeClassService badgeClasses, NetworkService networks) {
        this.networks = networks;
        this.organisations = organisations;
        this.badgeClasses = badgeClasses;
    }

    @GetMapping(HostedUrls.ORGANISATION_LOGO)
    ResponseEntity<byte[]> logo(@PathVariable UUID id) {
        // A network's logo is its issuer image, at the same address as an organisation's.
        return organisations.logo(new OrganisationId(id)).or(() -> networks.logo(new NetworkId(id)))
                .map(PublicImageController::serve).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(HostedUrls.BADGE_IMAGE)
    ResponseEntity<byte[]> badgeClassImage(@PathVariable UUID id) {
        return badgeClasses.image(new BadgeClassId(id)).map(PublicImageController::serve)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> serve(StoredImage image) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache());
        if (image.isSvg()) {
            response.header("Content-Security-Policy", SVG_POLICY);
        }
        return response.body(image.bytes());
    }
}
