package org.insigne.web.verify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.insigne.testing.HostileInput;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebExpressionContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The badge card ({@code fragments/badge-card}) as every public page includes it: each verdict and basis has
 * its text in both languages, dates are in the reader's language and the display time zone (Paris by
 * default), everything from the badge is escaped, links are http(s) only, and optional facts appear only
 * when known.
 */
@InsigneIntegrationTest
class BadgeCardTemplateTests {

    private static final Instant ISSUED = Instant.parse("2026-03-14T23:30:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-03-14T10:00:00Z");

    @Autowired ISpringTemplateEngine templates;

    @Test
    void writesEveryVerdictAndBasisInBothLanguages() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            for (BadgeCard.Status status : BadgeCard.Status.values()) {
                for (BadgeCard.Basis basis : BadgeCard.Basis.values()) {
                    for (boolean dated : List.of(true, false)) {
                        String html = render(card(status, basis, dated), true, locale);
                        assertThat(html).as(status + " " + basis + " " + locale)
                                .contains("<div class=\"verdict verdict-" + status.key() + "\" role=\"status\">")
                                .doesNotContain("badge.card.", "??").contains("Animer une réunion");
                    }
                }
            }
        }
        // 23:30 UTC on 14 March is 00:30 on the 15th in Paris
        assertThat(render(card(BadgeCard.Status.REVOKED, BadgeCard.Basis.ISSUER_RECORDS, true), false, Locale.FRENCH))
                .contains("<h2>Révoqué</h2>", "le 16 mars 2026 : il ne vaut plus", "Motif : Délivré par &lt;erreur&gt;",
                        "<time datetime=\"2026-03-14T23:30:00Z\">15 mars 2026</time>");
        assertThat(render(card(BadgeCard.Status.EXPIRED, BadgeCard.Basis.LAST_CHECK, true), false, Locale.ENGLISH))
                .contains("<h2>Expired</h2>", "expired on 14 March 2027", "on 15 March 2026, 00:30 CET.");
    }

    @Test
    @HostileInput("R1")
    void escapesWhatTheBadgeSaysAndLinksOnlyToTheWeb() {
        BadgeCard card = new BadgeCard(BadgeCard.Status.AUTHENTIC, BadgeCard.Basis.THIS_CHECK, null, null, null,
                "<script>alert(1)</script>", "/badge-classes/1/image", "Tom & \"Jerry\" l'a", null, "Émetteur <b>",
                "javascript:alert(1)",
                List.of(new BadgeCard.Endorsement("Région\"><img>", "https://region.example/?a=1&b=2", "bien")),
                null, "Critères <i>", "data:text/html,x",
                List.of(new BadgeCard.Evidence("https://preuve.example/1", "J'ai animé <l'AG>")),
                ISSUED, null, null, List.of("<i>animation</i>"),
                List.of(new BadgeCard.Alignment("Animer <b>", "javascript:alert(2)", "ESCO<i>", "S1.2"),
                        new BadgeCard.Alignment("Conduire une réunion", "https://esco.example/s?a=1&b=2", null, null)));
        String html = render(card, true, Locale.FRENCH);

        assertThat(html).doesNotContain("<script>", "<b>", "<i>", "<img>", "javascript:", "data:text", "<l'AG>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Tom &amp; &quot;Jerry&quot; l&#39;a",
                        "<span>Émetteur &lt;b&gt;</span>", "<p class=\"criteria\">Critères &lt;i&gt;</p>",
                        "<a href=\"https://region.example/?a=1&amp;b=2\" rel=\"nofollow noopener\">Région&quot;&gt;&lt;img&gt;</a>",
                        "<span>J&#39;ai animé &lt;l&#39;AG&gt;</span>",
                        "<a href=\"https://preuve.example/1\" rel=\"nofollow noopener\">",
                        "src=\"/insigne/badge-classes/1/image\"", "&lt;i&gt;animation&lt;/i&gt;",
                        "<span>Animer &lt;b&gt;</span>", "ESCO&lt;i&gt;",
                        "<a href=\"https://esco.example/s?a=1&amp;b=2\" rel=\"nofollow noopener\">Conduire une réunion</a>")
                .doesNotContain("<dt>Niveau atteint</dt>", "Valable jusqu");
    }

    @Test
    void leavesOutSectionsItHasNothingFor() {
        BadgeCard bare = new BadgeCard(BadgeCard.Status.UNVERIFIABLE, BadgeCard.Basis.THIS_CHECK, null, null, null,
                "Badge", null, null, null, "Émetteur", null, List.of(), null, null, null, List.of(), null, null, null,
                List.of(), List.of());
        String html = render(bare, false, Locale.FRENCH);

        assertThat(html).doesNotContain("<img", "<h3>", "<time", "<dt>Badge</dt>").contains("<dt>Délivré par</dt>");
    }

    private String render(BadgeCard card, boolean showName, Locale locale) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContextPath("/insigne");
        WebExpressionContext context = new WebExpressionContext(templates.getConfiguration(),
                JakartaServletWebApplication.buildApplication(new MockServletContext())
                        .buildExchange(request, new MockHttpServletResponse()),
                locale, Map.of("card", card, "showName", showName));
        return templates.process("fragments/badge-card", Set.of("card"), context);
    }

    private static BadgeCard card(BadgeCard.Status status, BadgeCard.Basis basis, boolean dated) {
        return new BadgeCard(status, basis, dated ? ISSUED : null, dated ? "Délivré par <erreur>" : null,
                dated ? "Détail" : null, "Animer une réunion", "/badge-classes/1/image", "Description", "Je fais",
                "Ligue", "https://ligue.example", List.of(), "<p>Critères</p>", null, "https://ligue.example/criteres",
                List.of(), ISSUED, dated ? EXPIRES : null, dated ? ISSUED.plusSeconds(86_400) : null, List.of(), List.of());
    }
}
