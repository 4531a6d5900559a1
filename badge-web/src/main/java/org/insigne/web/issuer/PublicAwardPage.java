package org.insigne.web.issuer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.HostedUrls;
import org.insigne.issuer.award.PublicAward;
import org.insigne.web.system.Links;
import org.insigne.web.verify.BadgeCard;
import org.insigne.web.verify.VerificationRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public page of a badge Insigne issued, at the address written in the badge (OB 2.0 assertion and OB 3.0
 * credential alike): the verdict, the badge's facts, "does this badge belong to …?", and links to the machine
 * forms.
 *
 * <p>The verdict comes from Insigne's own records, not from verifying the signed documents again: Insigne
 * issued the badge, keeps the exact signed bytes it serves, and is the authority on revocation, so "not
 * revoked and not expired" is as strong as a fresh verification and costs one indexed query. Anyone who
 * does not trust this page can verify the machine forms linked from it with any Open Badges verifier.
 *
 * <p>A GET creates no session: the recipient form's CSRF token lives in a cookie for these pages
 * ({@code web.system.SecurityConfiguration}), so that the page stays cheap and anonymous.
 */
@Component
class PublicAwardPage {

    static final String VIEW = "hosted/assertion";

    /** A link to one machine form of the badge. */
    record MachineForm(String labelKey, String url) {
    }

    private final AwardService awards;
    private final Links links;
    private final VerificationRateLimiter limiter;
    private final Clock clock;

    PublicAwardPage(AwardService awards, Links links, VerificationRateLimiter limiter, Clock clock) {
        this.awards = awards;
        this.links = links;
        this.limiter = limiter;
        this.clock = clock;
    }

    String show(AwardId id, String path, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        fill(model, found(id), path);
        loadCsrfToken(request);
        return VIEW;
    }

    /**
     * Answers yes or no for one address, checked against the published salted hash; the address itself is
     * neither shown nor logged. Rate-limited with the verifications, per client address, since each answer
     * is one guess at who holds the badge.
     */
    String checkRecipient(AwardId id, String path, String email, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        PublicAward award = found(id);
        fill(model, award, path);
        loadCsrfToken(request);
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.secondsUntilReset()));
            model.addAttribute("recipientError", "verify.error.rate-limited");
            return VIEW;
        }
        String candidate = email.strip();
        if (candidate.isEmpty() || candidate.length() > AwardRequest.MAX_EMAIL || candidate.indexOf('@') < 1) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("recipientError", "badge.page.recipient.error");
            return VIEW;
        }
        boolean recipient = awards.isRecipient(id, candidate)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("recipientAnswer", recipient ? "badge.page.recipient.yes" : "badge.page.recipient.no");
        return VIEW;
    }

    /**
     * The form's CSRF token is kept in a cookie on this page; asking for it now sets the cookie before any of
     * the page is written, as a cookie added once the response is committed would be lost.
     */
    private static void loadCsrfToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    private PublicAward found(AwardId id) {
        return awards.publicAward(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void fill(Model model, PublicAward award, String path) {
        model.addAttribute("award", award);
        model.addAttribute("card", card(award));
        model.addAttribute("pagePath", path);
        model.addAttribute("machineForms", machineForms(award));
    }

    private BadgeCard card(PublicAward award) {
        BadgeCard.Status status = switch (award.status(clock.instant())) {
            case VALID -> BadgeCard.Status.AUTHENTIC;
            case REVOKED -> BadgeCard.Status.REVOKED;
            case EXPIRED -> BadgeCard.Status.EXPIRED;
        };
        List<BadgeCard.Evidence> evidence = award.evidenceUrl() == null && award.evidenceNarrative() == null
                ? List.of() : List.of(new BadgeCard.Evidence(award.evidenceUrl(), award.evidenceNarrative()));
        return new BadgeCard(status, BadgeCard.Basis.ISSUER_RECORDS, null,
                status == BadgeCard.Status.REVOKED ? award.revocationReason() : null, null, award.badgeName(),
                "/badge-classes/" + award.badgeClassId() + "/image", award.badgeDescription(), award.level(),
                award.issuerName(), award.issuerWebsite(),
                award.endorsements().stream()
                        .map(e -> new BadgeCard.Endorsement(e.endorserName(), e.endorserUrl(), e.comment())).toList(),
                award.criteriaHtml(), null, null, evidence, award.issuedOn(), award.expiresAt(), award.revokedAt());
    }

    private List<MachineForm> machineForms(PublicAward award) {
        HostedUrls urls = new HostedUrls(links.absolute(""));
        UUID id = award.id().value();
        String baked = "image/svg+xml".equals(award.imageMediaType()) ? "svg" : "png";
        String suffix = "?format=" + HostedDocumentController.MACHINE_FORMAT;
        List<MachineForm> forms = new ArrayList<>();
        forms.add(new MachineForm("badge.page.forms.ob2-json", urls.ob2Assertion(id) + suffix));
        forms.add(new MachineForm("badge.page.forms.ob3-json", urls.ob3Credential(id) + suffix));
        forms.add(new MachineForm("badge.page.forms.ob2-jws", urls.ob2Signed(id)));
        forms.add(new MachineForm("badge.page.forms.ob3-jwt", urls.ob3Jwt(id)));
        forms.add(new MachineForm("badge.page.forms.ob2-baked." + baked, urls.ob2Baked(id, baked)));
        forms.add(new MachineForm("badge.page.forms.ob3-baked." + baked, urls.ob3Baked(id, baked)));
        return forms;
    }
}
