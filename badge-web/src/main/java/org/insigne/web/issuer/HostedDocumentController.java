package org.insigne.web.issuer;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedAssertion;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.key.SigningKeyId;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedDocuments;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.badgepage.PublicAwardPage;
import org.insigne.web.system.BadgePages;
import org.insigne.web.system.Links;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The documents that make Insigne badges verifiable, public and without login: OB 2.0 hosted assertions,
 * badge classes, issuer profiles, keys and revocation lists, OB 3.0 issuer profiles, key documents and
 * credentials and revocation lists. Machines get JSON-LD; a browser ({@code Accept: text/html}) gets a page for the assertion
 * and the credential (the public badge page, {@link PublicAwardPage}), the badge class and the issuer. Nothing personal is published beyond what the badge holds (a salted hash).
 */
@Controller
class HostedDocumentController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final AwardService awards;
    private final HostedDocuments documents;
    private final Links links;
    private final PublicAwardPage publicPage;
    private final OrganisationService organisations;

    HostedDocumentController(AwardService awards, HostedDocuments documents, Links links, PublicAwardPage publicPage,
                             OrganisationService organisations) {
        this.organisations = organisations;
        this.awards = awards;
        this.documents = documents;
        this.links = links;
        this.publicPage = publicPage;
    }

    /**
     * Served as stored while valid; 410 Gone with {@code revoked: true} and the reason once revoked. A browser
     * gets the public badge page instead, with 200 even when the badge is revoked: the page answers the
     * question fully ("Révoqué", and why), and a 410 would make link previews and some browsers treat the
     * badge as missing rather than withdrawn.
     */
    @GetMapping(HostedUrls.OB2_ASSERTION)
    Object assertion(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (wantsHtml(request)) {
            return publicPage.show(new AwardId(id), HostedUrls.PATHS.ob2Assertion(id), response, model);
        }
        HostedAssertion assertion = found(awards.hostedAssertion(new AwardId(id), urls()));
        HttpStatus status = assertion.revoked() ? HttpStatus.GONE : HttpStatus.OK;
        return json(status, assertion.json());
    }

    /** "Does this badge belong to …?" from the public page of the OB 2.0 assertion. */
    @PostMapping(HostedUrls.OB2_ASSERTION)
    String assertionRecipient(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
                              HttpServletRequest request, HttpServletResponse response, Model model) {
        return publicPage.checkRecipient(new AwardId(id), HostedUrls.PATHS.ob2Assertion(id), email, request, response, model);
    }

    @GetMapping(HostedUrls.OB2_BADGE_CLASS)
    Object badgeClass(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        BadgeClassId badgeClassId = new BadgeClassId(id);
        if (wantsHtml(request)) {
            PublicBadgeClass badgeClass = found(documents.badgeClass(badgeClassId));
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            model.addAttribute("badgeClass", badgeClass);
            model.addAttribute("issuerName", documents.issuerName(badgeClass.organisation()).orElse(""));
            return "hosted/badge-class";
        }
        return json(HttpStatus.OK, found(documents.ob2BadgeClass(badgeClassId, urls())));
    }

    @GetMapping(HostedUrls.OB2_ISSUER)
    Object issuer(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        OrganisationId organisation = new OrganisationId(id);
        if (wantsHtml(request)) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            model.addAttribute("issuerName", found(documents.issuerName(organisation)));
            model.addAttribute("profile", organisations.publicProfile(organisation).orElse(null));
            return "hosted/issuer";
        }
        return json(HttpStatus.OK, found(documents.ob2Issuer(organisation, urls())));
    }

    @GetMapping(HostedUrls.OB2_REVOCATIONS)
    ResponseEntity<byte[]> revocations(@PathVariable UUID id) {
        return json(HttpStatus.OK, found(awards.revocationList(new OrganisationId(id), urls())));
    }

    @GetMapping(HostedUrls.OB2_KEY)
    ResponseEntity<byte[]> ob2Key(@PathVariable UUID id) {
        return json(HttpStatus.OK, found(documents.ob2Key(new SigningKeyId(id), urls())));
    }

    @GetMapping(HostedUrls.OB3_ISSUER)
    ResponseEntity<byte[]> ob3Issuer(@PathVariable UUID id) {
        return json(HttpStatus.OK, found(documents.ob3Issuer(new OrganisationId(id), urls())));
    }

    @GetMapping(HostedUrls.OB3_REVOCATIONS)
    ResponseEntity<byte[]> ob3Revocations(@PathVariable UUID id) {
        return json(HttpStatus.OK, found(awards.credentialRevocationList(new OrganisationId(id), urls())));
    }

    @GetMapping(HostedUrls.OB3_KEY)
    ResponseEntity<byte[]> ob3Key(@PathVariable UUID id, @PathVariable UUID key) {
        return json(HttpStatus.OK, found(documents.ob3Key(new OrganisationId(id), new SigningKeyId(key), urls())));
    }

    /** The credential as signed; a browser gets the same public badge page as the OB 2.0 assertion's. */
    @GetMapping(HostedUrls.OB3_CREDENTIAL)
    Object credential(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (wantsHtml(request)) {
            return publicPage.show(new AwardId(id), HostedUrls.PATHS.ob3Credential(id), response, model);
        }
        return json(HttpStatus.OK, found(awards.credential(new AwardId(id))));
    }

    /** "Does this badge belong to …?" from the public page of the OB 3.0 credential. */
    @PostMapping(HostedUrls.OB3_CREDENTIAL)
    String credentialRecipient(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
                               HttpServletRequest request, HttpServletResponse response, Model model) {
        return publicPage.checkRecipient(new AwardId(id), HostedUrls.PATHS.ob3Credential(id), email, request, response, model);
    }

    private HostedUrls urls() {
        return links.hostedUrls();
    }

    private static ResponseEntity<byte[]> json(HttpStatus status, byte[] body) {
        return ResponseEntity.status(status).contentType(JSON_LD).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Access-Control-Allow-Origin", "*").body(body);
    }

    static boolean wantsHtml(HttpServletRequest request) {
        return BadgePages.wantsHtml(request);
    }

    private static <T> T found(Optional<T> value) {
        return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
