package org.insigne.web.badgepage;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.PublicAward;
import org.insigne.issuer.award.PublicAwards;
import org.insigne.web.system.BadgePages;
import org.insigne.web.system.FileNames;
import org.insigne.web.system.Links;
import org.insigne.web.system.AlternateLink;
import org.insigne.web.verify.BadgeCard;
import org.insigne.web.verify.VerificationRateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public page of a badge Insigne issued, at the address written in the badge (OB 2.0 assertion and OB 3.0
 * credential alike): the verdict, the badge's facts, "does this badge belong to …?", and links to the machine
 * forms. One template, {@code badgepage/badge-page}, with the card of {@code fragments/badge-card}.
 *
 * <p>The verdict comes from Insigne's own records, not from verifying the signed documents again: Insigne
 * issued the badge, keeps the exact signed bytes it serves, and is the authority on revocation, so "not
 * revoked and not expired" is as strong as a fresh verification and costs one indexed query. Anyone who
 * does not trust this page can verify the machine forms linked from it with any Open Badges verifier.
 *
 * <p>Signed-in readers and the recipient form's answers go through Spring MVC like any page; anonymous
 * readers, the page's usual audience, are answered by {@link PublicBadgePageFilter} with the same template's
 * content ({@link AnonymousBadgePages}). The page sets no cookie and creates no session.
 */
@Component
public class PublicAwardPage {

    static final String VIEW = "badgepage/badge-page";

    private final AwardService awards;
    private final PublicAwards publicAwards;
    private final Links links;
    private final VerificationRateLimiter limiter;
    private final Clock clock;

    PublicAwardPage(AwardService awards, PublicAwards publicAwards, Links links, VerificationRateLimiter limiter,
                    Clock clock) {
        this.awards = awards;
        this.publicAwards = publicAwards;
        this.links = links;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** The page through Spring MVC and the template. */
    public String show(AwardId id, String path, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        model.addAttribute("page", view(found(id), path, null, null));
        model.addAttribute("alternate", new AlternateLink(links.absolute(path) + "?format=" + BadgePages.MACHINE_FORMAT,
                "application/ld+json"));
        return VIEW;
    }

    /**
     * Answers yes or no for one address, checked against the published salted hash; the address itself is
     * neither shown nor logged. Rate-limited with the verifications, per client address, since each answer
     * is one guess at who holds the badge.
     */
    public String checkRecipient(AwardId id, String path, String email, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        PublicAward award = found(id);
        String answer = null;
        String error = null;
        String candidate = email.strip();
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.secondsUntilReset()));
            error = "verify.error.rate-limited";
        } else if (candidate.isEmpty() || candidate.length() > AwardRequest.MAX_EMAIL || candidate.indexOf('@') < 1) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            error = "badge.page.recipient.error";
        } else {
            boolean recipient = awards.isRecipient(id, candidate)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            answer = recipient ? "badge.page.recipient.yes" : "badge.page.recipient.no";
        }
        model.addAttribute("page", view(award, path, answer, error));
        return VIEW;
    }

    /** The award's facts for the page; empty when there is no such award. */
    Optional<PublicAward> find(AwardId id) {
        return publicAwards.find(id);
    }

    private PublicAward found(AwardId id) {
        return find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** What the template shows for {@code award} at {@code path}, with the recipient form's answer or error. */
    private BadgePageView view(PublicAward award, String path, @Nullable String answerKey,
                               @Nullable String errorKey) {
        return view(award, award.status(clock.instant()), path, answerKey, errorKey);
    }

    /** As above, in the state given (a pattern's stand-in award has no state of its own). */
    BadgePageView view(PublicAward award, PublicAward.Status state, String path, @Nullable String answerKey,
                       @Nullable String errorKey) {
        return new BadgePageView(card(award, state), path, links.absolute(path), machineForms(award), answerKey,
                errorKey, AwardRequest.MAX_EMAIL);
    }

    private static BadgeCard card(PublicAward award, PublicAward.Status state) {
        BadgeCard.Status status = switch (state) {
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
                        .map(e -> BadgeCard.Endorsement.inForce(e.endorserName(), e.endorserUrl(), e.comment(),
                                e.issuedOn())).toList(),
                award.criteriaHtml(), null, null, evidence, award.issuedOn(), award.expiresAt(), award.revokedAt(),
                award.tags(), award.alignments().stream()
                        .map(a -> new BadgeCard.Alignment(a.name(), a.url(), a.framework(), a.code())).toList());
    }

    /**
     * Every form of the badge, each a download named after the badge (the machine forms themselves stay at the
     * addresses written in the badge, which the page advertises as its alternate).
     */
    private static List<BadgePageView.MachineForm> machineForms(PublicAward award) {
        String slug = FileNames.slug(award.badgeName());
        return AwardFile.offered(award.imageMediaType()).stream()
                .map(file -> new BadgePageView.MachineForm(file.labelKey(),
                        AwardDownloadController.path(award.id().value(), file), file.fileName(slug)))
                .toList();
    }
}
