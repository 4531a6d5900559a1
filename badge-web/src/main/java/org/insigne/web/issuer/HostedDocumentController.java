package org.insigne.web.issuer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.backpack.sharing.ProfileView;
import org.insigne.backpack.sharing.PublicProfileService;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedAssertion;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassStatus;
import org.insigne.issuer.badgeclass.PublicBadgeClass;
import org.insigne.issuer.endorsement.EndorsedKind;
import org.insigne.issuer.endorsement.EndorsementId;
import org.insigne.issuer.endorsement.EndorsementService;
import org.insigne.issuer.endorsement.HostedEndorsement;
import org.insigne.issuer.organisation.OrganisationProfileView;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.organisation.OrganisationView;
import org.insigne.issuer.organisation.StaffRole;
import org.insigne.web.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
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
    private final EndorsementService endorsements;
    private final OrganisationService organisations;
    private final PublicProfileService people;

    HostedDocumentController(AwardService awards, HostedDocuments documents, Links links, PublicAwardPage publicPage,
                             EndorsementService endorsements, OrganisationService organisations,
                             PublicProfileService people) {
        this.endorsements = endorsements;
        this.people = people;
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
    Object badgeClass(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model,
                      @Nullable Authentication authentication) {
        BadgeClassId badgeClassId = new BadgeClassId(id);
        if (wantsHtml(request)) {
            PublicBadgeClass badgeClass = found(documents.badgeClass(badgeClassId));
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            model.addAttribute("badgeClass", badgeClass);
            model.addAttribute("issuerName", documents.issuerName(badgeClass.organisation()).orElse(""));
            endorsementsOf(EndorsedKind.BADGE_CLASS, id, badgeClass.organisation().value(),
                    badgeClass.status() == BadgeClassStatus.PUBLISHED, authentication, model);
            return "hosted/badge-class";
        }
        return json(HttpStatus.OK, found(documents.ob2BadgeClass(badgeClassId, urls())));
    }

    @GetMapping(HostedUrls.OB2_ISSUER)
    Object issuer(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response, Model model,
                  @Nullable Authentication authentication) {
        OrganisationId organisation = new OrganisationId(id);
        if (wantsHtml(request)) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            model.addAttribute("issuerName", found(documents.issuerName(organisation)));
            OrganisationProfileView profile = organisations.publicProfile(organisation).orElse(null);
            model.addAttribute("profile", profile);
            // The issuer address of a person who endorses in their own name: their name, nothing to endorse.
            model.addAttribute("person", profile == null);
            endorsementsOf(EndorsedKind.ORGANISATION, id, id, profile != null, authentication, model);
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

    /**
     * The hosted OB 2.0 Endorsement; 410 Gone with {@code revoked: true} once withdrawn. A browser is sent to the
     * page of what it endorses.
     */
    @GetMapping(HostedUrls.OB2_ENDORSEMENT)
    ResponseEntity<byte[]> ob2Endorsement(@PathVariable UUID id) {
        HostedEndorsement endorsement = found(endorsements.ob2(new EndorsementId(id), urls()));
        return json(endorsement.withdrawn() ? HttpStatus.GONE : HttpStatus.OK, endorsement.document());
    }

    /** The EndorsementCredential as signed; its status list says whether it was withdrawn. */
    @GetMapping(HostedUrls.OB3_ENDORSEMENT)
    ResponseEntity<byte[]> ob3Endorsement(@PathVariable UUID id) {
        return json(HttpStatus.OK, found(endorsements.ob3(new EndorsementId(id))));
    }

    /** The published endorsements of a page's subject, and as whom the reader may offer one (if anyone). */
    private void endorsementsOf(EndorsedKind kind, UUID id, UUID owner, boolean endorsable,
                                @Nullable Authentication authentication, Model model) {
        model.addAttribute("endorsements", endorsements.published(kind, id, urls()));
        List<OrganisationView> offerAs = List.of();
        @Nullable String offerAsPerson = null;
        if (endorsable && authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            UUID user = CurrentUser.id(authentication);
            List<OrganisationView> staffOf = organisations.organisationsOf(user);
            offerAs = staffOf.stream()
                    .filter(o -> o.role().includes(StaffRole.ADMIN) && !o.id().value().equals(owner)).toList();
            // A person endorses in the name of their public profile, and never what their organisation issues.
            if (staffOf.stream().noneMatch(o -> o.id().value().equals(owner))) {
                offerAsPerson = people.profileOf(user).map(ProfileView::displayName).orElse(null);
            }
        }
        model.addAttribute("offerAs", offerAs);
        model.addAttribute("offerAsPerson", offerAsPerson);
        model.addAttribute("endorsementTarget", kind.name() + ":" + id);
        model.addAttribute("maxComment", EndorsementService.MAX_COMMENT_LENGTH);
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
