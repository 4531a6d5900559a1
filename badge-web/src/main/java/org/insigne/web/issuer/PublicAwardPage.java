package org.insigne.web.issuer;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.PublicAward;
import org.insigne.issuer.award.PublicAwards;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.system.Links;
import org.insigne.web.verify.BadgeCard;
import org.insigne.web.verify.BadgeCardHtml;
import org.insigne.web.verify.Html;
import org.insigne.web.verify.PageTexts;
import org.insigne.web.verify.VerificationRateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * <p>The page's content is written here in Java ({@link #body}), into the layout. Signed-in readers and the
 * recipient form's answers go through Spring MVC and the {@code hosted/assertion} template like any page;
 * anonymous readers, the page's usual audience, are served by {@link PublicBadgePageFilter} with the same
 * content inside the layout as rendered once per language for anonymous readers ({@link AnonymousLayout}).
 * The page sets no cookie and creates no session.
 */
@Component
class PublicAwardPage {

    static final String VIEW = "hosted/assertion";

    private final AwardService awards;
    private final PublicAwards publicAwards;
    private final Links links;
    private final VerificationRateLimiter limiter;
    private final Clock clock;
    private final BadgeCardHtml cards;
    private final PageTexts texts;
    private final AnonymousLayout layout;
    private final String contextPath;

    PublicAwardPage(AwardService awards, PublicAwards publicAwards, Links links, VerificationRateLimiter limiter,
                    Clock clock, BadgeCardHtml cards, PageTexts texts, AnonymousLayout layout,
                    ServletContext servletContext) {
        this.awards = awards;
        this.publicAwards = publicAwards;
        this.links = links;
        this.limiter = limiter;
        this.clock = clock;
        this.cards = cards;
        this.texts = texts;
        this.layout = layout;
        this.contextPath = servletContext.getContextPath();
    }

    /** The page through Spring MVC and the template. */
    String show(AwardId id, String path, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        model.addAttribute("body", body(found(id), path, null, null, LocaleContextHolder.getLocale()));
        return VIEW;
    }

    /** A page for an anonymous reader: the layout's two halves around the content. */
    record AnonymousPage(String before, String content, String after) {

        void writeTo(Writer out) throws IOException {
            out.write(before);
            out.write(content);
            out.write(after);
        }
    }

    /**
     * The whole page for an anonymous reader; null when there is no such award (the request then goes on to
     * the usual "not found" page).
     */
    @Nullable AnonymousPage anonymousPage(AwardId id, String path, Locale locale, HttpServletRequest request,
                                          HttpServletResponse response) {
        PublicAward award = publicAwards.find(id).orElse(null);
        if (award == null) {
            return null;
        }
        AnonymousLayout.Parts around = layout.around(locale, request, response);
        return new AnonymousPage(around.before(), body(award, path, null, null, locale), around.after());
    }

    /**
     * Answers yes or no for one address, checked against the published salted hash; the address itself is
     * neither shown nor logged. Rate-limited with the verifications, per client address, since each answer
     * is one guess at who holds the badge.
     */
    String checkRecipient(AwardId id, String path, String email, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        PublicAward award = found(id);
        Locale locale = LocaleContextHolder.getLocale();
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
        model.addAttribute("body", body(award, path, answer, error, locale));
        return VIEW;
    }

    private PublicAward found(AwardId id) {
        return publicAwards.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * The page's content: the badge's name, its card, the recipient form with its answer or error (message
     * keys, or null), and the machine forms. Escaped throughout ({@link Html}).
     */
    String body(PublicAward award, String path, @Nullable String answerKey, @Nullable String errorKey,
                Locale locale) {
        Html html = new Html(8192);
        BadgeCard card = card(award);
        html.element("h1", null, card.name());
        cards.write(html, card, false, locale);
        html.raw("<h2 id=\"recipient-title\">").text(message("badge.page.recipient.title", locale)).raw("</h2>")
                .element("p", null, message("badge.page.recipient.intro", locale));
        if (answerKey != null) {
            html.raw("<p class=\"notice\" role=\"status\">").text(message(answerKey, locale)).raw("</p>");
        }
        if (errorKey != null) {
            html.raw("<div class=\"error-summary\" role=\"alert\">").element("p", null, message(errorKey, locale))
                    .raw("</div>");
        }
        html.raw("<form action=\"").text(contextPath + path)
                .raw("\" method=\"post\" class=\"form recipient-check\" aria-labelledby=\"recipient-title\">")
                .raw("<div class=\"field\"><label for=\"recipient-email\">")
                .text(message("badge.page.recipient.email", locale))
                .raw("</label><input type=\"email\" id=\"recipient-email\" name=\"email\" autocomplete=\"off\""
                        + " required maxlength=\"" + AwardRequest.MAX_EMAIL + "\"")
                .raw(errorKey != null ? " aria-invalid=\"true\"></div>" : "></div>")
                .raw("<button type=\"submit\" class=\"button\">").text(message("badge.page.recipient.submit", locale))
                .raw("</button></form>")
                .element("h2", null, message("badge.page.forms.title", locale))
                .element("p", null, message("badge.page.forms.intro", locale))
                .raw("<ul class=\"list machine-forms\">");
        for (MachineForm form : machineForms(award)) {
            html.raw("<li>").link(form.url(), message(form.labelKey(), locale)).raw("</li>");
        }
        html.raw("</ul><p>").link(contextPath + "/verify", message("badge.page.verify-other", locale)).raw("</p>");
        return html.toString();
    }

    /** A link to one machine form of the badge. */
    private record MachineForm(String labelKey, String url) {
    }

    private String message(String key, Locale locale) {
        return texts.get(key, locale);
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
