package org.insigne.web.verify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The badge card as every public page writes it: each verdict and basis has its text in both languages,
 * everything from the badge is escaped, links are http(s) only, and optional facts appear only when known.
 */
class BadgeCardHtmlTests {

    private static final Instant ISSUED = Instant.parse("2026-03-14T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-03-14T10:00:00Z");

    private final BadgeCardHtml cards = new BadgeCardHtml(new PageTexts(messages()), context("/insigne"));

    @Test
    void writesEveryVerdictAndBasisInBothLanguages() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            for (BadgeCard.Status status : BadgeCard.Status.values()) {
                for (BadgeCard.Basis basis : BadgeCard.Basis.values()) {
                    for (boolean dated : List.of(true, false)) {
                        String html = cards.render(card(status, basis, dated), true, locale);
                        assertThat(html).as(status + " " + basis + " " + locale)
                                .startsWith("<div class=\"badge-card\"><div class=\"verdict verdict-" + status.key() + "\"")
                                .doesNotContain("badge.card.").contains("Animer une réunion");
                    }
                }
            }
        }
        assertThat(cards.render(card(BadgeCard.Status.REVOKED, BadgeCard.Basis.ISSUER_RECORDS, true), false, Locale.FRENCH))
                .contains("<h2>Révoqué</h2>", "15/03/2026", "Motif : Délivré par &lt;erreur&gt;");
        assertThat(cards.render(card(BadgeCard.Status.EXPIRED, BadgeCard.Basis.LAST_CHECK, true), false, Locale.ENGLISH))
                .contains("<h2>Expired</h2>", "14/03/2027", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                        .withZone(java.time.ZoneId.systemDefault()).format(ISSUED));
    }

    @Test
    void escapesWhatTheBadgeSaysAndLinksOnlyToTheWeb() {
        BadgeCard card = new BadgeCard(BadgeCard.Status.AUTHENTIC, BadgeCard.Basis.THIS_CHECK, null, null, null,
                "<script>alert(1)</script>", "/badge-classes/1/image", "Tom & \"Jerry\" l'a", null, "Émetteur <b>",
                "javascript:alert(1)",
                List.of(new BadgeCard.Endorsement("Région\"><img>", "https://region.example/?a=1&b=2", "bien")),
                null, "Critères <i>", "data:text/html,x",
                List.of(new BadgeCard.Evidence("https://preuve.example/1", "J'ai animé <l'AG>")),
                ISSUED, null, null);
        String html = cards.render(card, true, Locale.FRENCH);

        assertThat(html).doesNotContain("<script>", "<b>", "<i>", "<img>", "javascript:", "data:text", "<l'AG>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Tom &amp; &quot;Jerry&quot; l&#39;a",
                        "<span>Émetteur &lt;b&gt;</span>", "<p class=\"criteria\">Critères &lt;i&gt;</p>",
                        "<a href=\"https://region.example/?a=1&amp;b=2\" rel=\"nofollow noopener\">Région&quot;&gt;&lt;img&gt;</a>",
                        "<span>J&#39;ai animé &lt;l&#39;AG&gt;</span>",
                        "<a href=\"https://preuve.example/1\" rel=\"nofollow noopener\">",
                        "src=\"/insigne/badge-classes/1/image\"",
                        "<time datetime=\"2026-03-14T10:00:00Z\">14/03/2026</time>")
                .doesNotContain("<dt>Niveau</dt>", "Valable jusqu");
    }

    @Test
    void leavesOutSectionsItHasNothingFor() {
        BadgeCard bare = new BadgeCard(BadgeCard.Status.UNVERIFIABLE, BadgeCard.Basis.THIS_CHECK, null, null, null,
                "Badge", null, null, null, "Émetteur", null, List.of(), null, null, null, List.of(), null, null, null);
        String html = cards.render(bare, false, Locale.FRENCH);

        assertThat(html).doesNotContain("<img", "<h3>", "<time", "<dt>Badge</dt>").contains("<dt>Délivré par</dt>");
    }

    private static BadgeCard card(BadgeCard.Status status, BadgeCard.Basis basis, boolean dated) {
        return new BadgeCard(status, basis, dated ? ISSUED : null, dated ? "Délivré par <erreur>" : null,
                dated ? "Détail" : null, "Animer une réunion", "/badge-classes/1/image", "Description", "Je fais",
                "Ligue", "https://ligue.example", List.of(), "<p>Critères</p>", null, "https://ligue.example/criteres",
                List.of(), ISSUED, dated ? EXPIRES : null, dated ? ISSUED.plusSeconds(86_400) : null);
    }

    /** The application's messages, set up as {@code spring.messages.*} sets them. */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }

    private static MockServletContext context(String path) {
        MockServletContext context = new MockServletContext();
        context.setContextPath(path);
        return context;
    }
}
