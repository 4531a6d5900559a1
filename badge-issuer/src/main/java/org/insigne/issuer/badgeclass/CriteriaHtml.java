package org.insigne.issuer.badgeclass;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns criteria written in Markdown into HTML safe to put in a page. Raw HTML in the Markdown is shown as text,
 * then an allowlist keeps only text formatting, lists, quotes, code, headings and links to http, https or mailto
 * addresses, which get {@code rel="nofollow noopener"}: a link with any other scheme ({@code javascript:},
 * {@code data:}) loses its href and stays as plain text.
 */
public final class CriteriaHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
                    "h2", "h3", "h4", "h5", "h6", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    /**
     * Rendered criteria by their Markdown. Rendering is a pure function of the text, so a cached entry is never
     * stale; public badge pages show a few badge classes' criteria again and again, and parsing plus sanitising
     * would otherwise be a large share of each request. Bounded, keeping the criteria shown most.
     */
    private static final int MAX_CACHED = 512;
    private static final Cache<String, String> CACHE = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

    private CriteriaHtml() {
    }

    public static String cached(String markdown) {
        return CACHE.get(markdown, CriteriaHtml::render);
    }

    static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        // A page has one h1 (the badge's name): headings in the criteria start one level below it.
        for (String level : List.of("5", "4", "3", "2", "1")) {
            int deeper = Math.min(6, Integer.parseInt(level) + 1);
            html = html.replace("<h" + level + ">", "<h" + deeper + ">").replace("</h" + level + ">", "</h" + deeper + ">");
        }
        return POLICY.sanitize(html);
    }
}
