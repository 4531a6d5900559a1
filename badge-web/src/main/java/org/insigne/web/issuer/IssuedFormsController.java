package org.insigne.web.issuer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.publishing.BakedForm;
import org.insigne.issuer.publishing.BakedImage;
import org.insigne.issuer.publishing.BakedImageUnavailable;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.issuer.publishing.IssuedForms;
import org.insigne.web.system.Links;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The other machine forms of an issued badge, and the documents that verify them, public and without login:
 * the OB 2.0 signed assertion ({@code /ob2/assertions/{id}/signed}), the OB 3.0 VC-JWT
 * ({@code /ob3/credentials/{id}/jwt}), baked images ({@code …/baked.png}, {@code …/baked.svg}), the
 * organisations' Bitstring Status Lists and DID documents, and the Achievements credentials embed. The HTML and
 * JSON-LD forms of the assertion and credential stay with {@link HostedDocumentController}.
 */
@RestController
class IssuedFormsController {

    static final MediaType JOSE = MediaType.parseMediaType("application/jose");
    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    static final MediaType VC = MediaType.parseMediaType("application/vc");
    static final MediaType DID_LD_JSON = MediaType.parseMediaType("application/did+ld+json");

    private final IssuedForms forms;
    private final Links links;
    private final MessageSource messages;

    IssuedFormsController(IssuedForms forms, Links links, MessageSource messages) {
        this.forms = forms;
        this.links = links;
        this.messages = messages;
    }

    /**
     * The compact JWS (OB 2.0 §"Signed Badges"). {@code text/plain} unless the client asks for
     * {@code application/jose} (RFC 7515 §9.2.1): many badge tools read a signed badge as text.
     */
    @GetMapping(HostedUrls.OB2_SIGNED)
    ResponseEntity<byte[]> ob2Signed(@PathVariable UUID id, HttpServletRequest request) {
        String jws = found(forms.ob2Signed(id, urls()));
        MediaType type = accepts(request, JOSE) ? JOSE : MediaType.TEXT_PLAIN;
        return machine(HttpStatus.OK, type, jws.getBytes(StandardCharsets.US_ASCII));
    }

    /** The credential as a VC-JWT (VC-JOSE-COSE §6.1.1 media type {@code application/vc+jwt}). */
    @GetMapping(HostedUrls.OB3_JWT)
    ResponseEntity<byte[]> ob3Jwt(@PathVariable UUID id) {
        String jwt = found(forms.ob3Jwt(id, urls()));
        return machine(HttpStatus.OK, VC_JWT, jwt.getBytes(StandardCharsets.US_ASCII));
    }

    @GetMapping(HostedUrls.OB2_BAKED)
    ResponseEntity<byte[]> ob2Baked(@PathVariable UUID id, @PathVariable String extension) {
        return baked(id, false, extension);
    }

    @GetMapping(HostedUrls.OB3_BAKED)
    ResponseEntity<byte[]> ob3Baked(@PathVariable UUID id, @PathVariable String extension) {
        return baked(id, true, extension);
    }

    /** BitstringStatusListCredential (vc-bitstring-status-list §2.2), signed like the organisation's badges. */
    @GetMapping(HostedUrls.OB3_STATUS_LIST)
    ResponseEntity<byte[]> statusList(@PathVariable OrganisationId id, @PathVariable String list, HttpServletRequest request) {
        int number = listNumber(list);
        byte[] credential = found(forms.statusList(id, number, urls()));
        MediaType type = accepts(request, VC) ? VC : HostedDocumentController.JSON_LD;
        // A list changes on every revocation: verifiers must not be served a stale one (§6.3 "Caching").
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff").body(credential);
    }

    /** The Achievement, at the id credentials give it (OB 3.0 §B.1.1). */
    @GetMapping(HostedUrls.OB3_ACHIEVEMENT)
    ResponseEntity<byte[]> achievement(@PathVariable BadgeClassId id) {
        byte[] json = found(forms.achievement(id, urls()));
        return machine(HttpStatus.OK, HostedDocumentController.JSON_LD, json);
    }

    /** The DID document of {@code did:web:<host>:ob3:issuers:<id>} (DID Web Method §3.2 "Read"). */
    @GetMapping(HostedUrls.OB3_DID_DOCUMENT)
    ResponseEntity<byte[]> didDocument(@PathVariable OrganisationId id) {
        byte[] json = found(forms.didDocument(id, urls()));
        return machine(HttpStatus.OK, DID_LD_JSON, json);
    }

    /**
     * A malformed id names nothing: the same bare 404 as an unknown one, not the pages' error page, since the
     * callers here are badge tools reading documents.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Void> malformedId() {
        return ResponseEntity.notFound().build();
    }

    /** A badge image that cannot be made in this format: a 404 saying why, in the reader's language. */
    @ExceptionHandler(BakedImageUnavailable.class)
    ResponseEntity<String> unavailable(BakedImageUnavailable refusal) {
        String text = messages.getMessage(refusal.messageKey(), refusal.args().toArray(), LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff").body(text);
    }

    private ResponseEntity<byte[]> baked(UUID id, boolean ob3, String extension) {
        BakedForm form = found(BakedForm.of(ob3, extension));
        BakedImage image = found(forms.baked(id, form));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(image.filename()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Access-Control-Allow-Origin", "*");
        if (form.extension().equals("svg")) {
            // The badge image came from a user; opened directly, it must not run anything with this site's rights.
            response.header("Content-Security-Policy", PublicImageController.SVG_POLICY);
        }
        return response.body(image.bytes());
    }

    private HostedUrls urls() {
        return links.hostedUrls();
    }

    private static ResponseEntity<byte[]> machine(HttpStatus status, MediaType type, byte[] body) {
        return ResponseEntity.status(status).contentType(type).header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff").body(body);
    }

    /** True when the client names {@code type} explicitly (wildcards do not count). */
    private static boolean accepts(HttpServletRequest request, MediaType type) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> !t.isWildcardType() && !t.isWildcardSubtype() && t.isCompatibleWith(type));
        } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            return false;
        }
    }

    private static int listNumber(String list) {
        if (!list.matches("\\d{1,9}")) {
            throw new NotFound();
        }
        return Integer.parseInt(list);
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(NotFound::new);
    }

    /** Nothing at this address: a plain 404, as for any unknown page. */
    private static final class NotFound extends org.springframework.web.server.ResponseStatusException {
        NotFound() {
            super(HttpStatus.NOT_FOUND);
        }
    }
}
