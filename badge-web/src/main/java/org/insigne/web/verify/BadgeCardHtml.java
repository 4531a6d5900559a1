package org.insigne.web.verify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One badge as every public page shows it (the badge's own public page, a public backpack badge, "Vérifier un
 * badge"): the verdict first, large, with its reason and what it rests on, then the badge's facts.
 *
 * <p>Written in Java rather than as a Thymeleaf fragment because the public badge page, the application's
 * busiest, renders it on every view: this costs a small fraction of the fragment's template processing
 * (docs/PERFORMANCE.md). Controllers put {@link #render} into the model and templates include it with
 * {@code th:utext}.
 * Everything from the badge is escaped, except {@code criteriaHtml}, which Insigne's badge classes produce
 * already sanitised (an allowlist of text elements and http(s) links); links are http(s) only
 * ({@link BadgeCard} drops others).
 */
@Component
public class BadgeCardHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    private final PageTexts texts;
    private final String contextPath;

    public BadgeCardHtml(PageTexts texts, ServletContext servletContext) {
        this.texts = texts;
        this.contextPath = servletContext.getContextPath();
    }

    /** The card as HTML; {@code showName} is false where the page's h1 already is the badge's name. */
    public String render(BadgeCard card, boolean showName, Locale locale) {
        Html html = new Html(4096);
        write(html, card, showName, locale);
        return html.toString();
    }

    /** Writes the card into a page being written. */
    public void write(Html html, BadgeCard card, boolean showName, Locale locale) {
        String status = card.status().key();
        html.raw("<div class=\"badge-card\"><div class=\"verdict verdict-").text(status).raw("\" role=\"status\">")
                .element("h2", null, message("badge.card.verdict." + status, locale))
                .element("p", null, verdictText(card, locale));
        if (card.reason() != null) {
            html.element("p", "verdict-reason", message("badge.card.reason", locale, card.reason()));
        }
        if (card.detail() != null) {
            html.element("p", "verdict-detail", card.detail());
        }
        String basis = "badge.card.basis." + card.basis().key();
        html.element("p", "verdict-basis", card.checkedAt() != null
                ? message(basis, locale, MINUTE.format(card.checkedAt())) : message(basis, locale));
        html.raw("</div><div class=\"badge-card-body\">");
        if (card.imageUrl() != null) {
            html.raw("<img class=\"badge-image\" src=\"").text(local(card.imageUrl())).raw("\" alt=\"")
                    .text(message("badge.card.image.alt", locale, card.name()))
                    .raw("\" width=\"160\" height=\"160\">");
        }
        html.raw("<dl class=\"facts\">");
        if (showName) {
            fact(html, "badge.card.name", card.name(), locale);
        }
        if (card.level() != null) {
            fact(html, "badge.card.level", card.level(), locale);
        }
        html.element("dt", null, message("badge.card.issuer", locale)).raw("<dd>");
        if (card.issuerUrl() != null) {
            html.externalLink(card.issuerUrl(), card.issuerName());
        } else {
            html.element("span", null, card.issuerName());
        }
        html.raw("</dd>");
        if (card.description() != null) {
            fact(html, "badge.card.description", card.description(), locale);
        }
        date(html, "badge.card.issued-on", card.issuedOn(), locale);
        date(html, "badge.card.expires", card.expires(), locale);
        html.raw("</dl></div>");
        criteria(html, card, locale);
        evidence(html, card, locale);
        endorsements(html, card, locale);
        html.raw("</div>");
    }

    private String verdictText(BadgeCard card, Locale locale) {
        return switch (card.status()) {
            case REVOKED -> card.revokedAt() != null
                    ? message("badge.card.revoked.on", locale, DAY.format(card.revokedAt()))
                    : message("badge.card.revoked.text", locale);
            case EXPIRED -> card.expires() != null
                    ? message("badge.card.expired.on", locale, DAY.format(card.expires()))
                    : message("badge.card.expired.text", locale);
            default -> message("badge.card." + card.status().key() + ".text", locale);
        };
    }

    private void fact(Html html, String labelKey, String value, Locale locale) {
        html.element("dt", null, message(labelKey, locale)).element("dd", null, value);
    }

    private void date(Html html, String labelKey, @Nullable Instant value, Locale locale) {
        if (value != null) {
            html.element("dt", null, message(labelKey, locale)).raw("<dd><time datetime=\"").text(value.toString())
                    .raw("\">").text(DAY.format(value)).raw("</time></dd>");
        }
    }

    private void criteria(Html html, BadgeCard card, Locale locale) {
        if (card.criteriaHtml() == null && card.criteriaText() == null && card.criteriaUrl() == null) {
            return;
        }
        html.element("h3", null, message("badge.card.criteria", locale));
        if (card.criteriaHtml() != null) {
            html.raw("<div class=\"criteria\">").raw(card.criteriaHtml()).raw("</div>");
        } else if (card.criteriaText() != null) {
            html.element("p", "criteria", card.criteriaText());
        }
        if (card.criteriaUrl() != null) {
            html.raw("<p>").externalLink(card.criteriaUrl(), message("badge.card.criteria.link", locale)).raw("</p>");
        }
    }

    private void evidence(Html html, BadgeCard card, Locale locale) {
        if (card.evidence().isEmpty()) {
            return;
        }
        html.element("h3", null, message("badge.card.evidence", locale)).raw("<ul class=\"list evidence\">");
        for (BadgeCard.Evidence item : card.evidence()) {
            html.raw("<li>");
            if (item.narrative() != null) {
                html.element("span", null, item.narrative());
            }
            if (item.url() != null) {
                html.raw(" ").externalLink(item.url(), message("badge.card.evidence.link", locale));
            }
            html.raw("</li>");
        }
        html.raw("</ul>");
    }

    /** Endorsements of the issuer: shown only when there are some. */
    private void endorsements(Html html, BadgeCard card, Locale locale) {
        if (card.endorsements().isEmpty()) {
            return;
        }
        html.element("h3", null, message("badge.card.endorsements", locale)).raw("<ul class=\"list endorsements\">");
        for (BadgeCard.Endorsement endorsement : card.endorsements()) {
            html.raw("<li>");
            if (endorsement.endorserUrl() != null) {
                html.externalLink(endorsement.endorserUrl(), endorsement.endorserName());
            } else {
                html.element("span", null, endorsement.endorserName());
            }
            if (endorsement.comment() != null) {
                html.raw(" ").element("span", null, endorsement.comment());
            }
            html.raw("</li>");
        }
        html.raw("</ul>");
    }

    /** An address of this application ("/badge-classes/…") under its context path; others as they are. */
    private String local(String url) {
        return url.startsWith("/") ? contextPath + url : url;
    }

    private String message(String key, Locale locale) {
        return texts.get(key, locale);
    }

    private String message(String key, Locale locale, Object argument) {
        return texts.get(key, locale, argument);
    }
}
