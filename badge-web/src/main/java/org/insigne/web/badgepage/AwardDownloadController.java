package org.insigne.web.badgepage;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedAssertion;
import org.insigne.issuer.award.PublicAward;
import org.insigne.issuer.award.PublicAwards;
import org.insigne.issuer.publishing.BakedForm;
import org.insigne.issuer.publishing.BakedImage;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.web.system.FileNames;
import org.insigne.web.system.Links;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every form of a badge issued here, as a file named after the badge, for the people who open its public page:
 * the same bytes as the machine forms at the addresses the badge names (which stay as badge tools expect them,
 * without {@code Content-Disposition}), handed out as attachments so that a click saves a file instead of
 * showing JSON or a token in the browser.
 */
@Controller
class AwardDownloadController {

    static final String PATH = "/badges/{id}/download/{file}";

    private final PublicAwards publicAwards;
    private final AwardService awards;
    private final IssuedForms forms;
    private final Links links;

    AwardDownloadController(PublicAwards publicAwards, AwardService awards, IssuedForms forms, Links links) {
        this.publicAwards = publicAwards;
        this.awards = awards;
        this.forms = forms;
        this.links = links;
    }

    static String path(UUID award, AwardFile file) {
        return PATH.replace("{id}", award.toString()).replace("{file}", file.segment());
    }

    /** A revoked assertion is served as its machine form is: the short document saying so, with 410 Gone. */
    @GetMapping(PATH)
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String file) {
        AwardFile form = AwardFile.of(file).orElseThrow(AwardDownloadController::notFound);
        AwardId award = new AwardId(id);
        PublicAward shown = publicAwards.find(award).orElseThrow(AwardDownloadController::notFound);
        if (!AwardFile.offered(shown.imageMediaType()).contains(form)) {
            throw notFound();
        }
        HttpStatus status = HttpStatus.OK;
        byte[] bytes;
        BakedForm baked = form.baked();
        if (baked != null) {
            BakedImage image = found(forms.baked(id, baked));
            bytes = image.bytes();
        } else {
            bytes = switch (form) {
                case OB2_JSON -> {
                    HostedAssertion assertion = found(awards.hostedAssertion(award, links.hostedUrls()));
                    status = assertion.revoked() ? HttpStatus.GONE : HttpStatus.OK;
                    yield assertion.json();
                }
                case OB3_JSON -> found(awards.credential(award));
                case OB2_JWS -> found(forms.ob2Signed(id, links.hostedUrls())).getBytes(StandardCharsets.US_ASCII);
                case OB3_JWT -> found(forms.ob3Jwt(id, links.hostedUrls())).getBytes(StandardCharsets.US_ASCII);
                default -> throw notFound();
            };
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(form.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(form.fileName(FileNames.slug(shown.badgeName()))).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore());
        if (form.mediaType().equals("image/svg+xml")) {
            // The badge image came from a user; opened directly, it must not run anything with this site's rights.
            response.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        }
        return response.body(bytes);
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(AwardDownloadController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
