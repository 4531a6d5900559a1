package org.insigne.web.badgepage;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.insigne.issuer.award.AwardId;
import org.insigne.issuer.award.PublicAward;
import org.insigne.web.system.DisplayDates;
import org.insigne.web.system.DisplayDialect;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebExpressionContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The public badge page as an anonymous reader gets it from {@link PublicBadgePageFilter}: the layout's two
 * halves ({@link AnonymousLayout}) around the {@code content} fragment of the page's template, rendered
 * straight with the template engine (no Spring MVC view, no request context: the fragment needs neither)
 * once per {@link BadgePagePattern} and filled in with the award's own values, and kept in
 * {@link BadgePageCache}.
 */
@Component
class AnonymousBadgePages {

    private static final Set<String> CONTENT = Set.of("content");

    /** A page for an anonymous reader: the layout's two halves around the content. */
    record Page(String before, String content, String after) {
    }

    private final PublicAwardPage page;
    private final AnonymousLayout layout;
    private final BadgePageCache cache;
    private final ISpringTemplateEngine templates;
    private final ApplicationContext applicationContext;
    private final JakartaServletWebApplication application;
    private final Links links;
    private final DisplayDates dates;
    private final Clock clock;

    AnonymousBadgePages(PublicAwardPage page, AnonymousLayout layout, BadgePageCache cache,
                        ISpringTemplateEngine templates, ApplicationContext applicationContext,
                        ServletContext servletContext, Links links, DisplayDates dates, Clock clock) {
        this.page = page;
        this.layout = layout;
        this.cache = cache;
        this.templates = templates;
        this.applicationContext = applicationContext;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
        this.links = links;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * The whole page for an anonymous reader; null when there is no such award (the request then goes on to
     * the usual "not found" page).
     */
    @Nullable Page page(AwardId id, String path, Locale locale, HttpServletRequest request,
                        HttpServletResponse response) {
        BadgePageCache.Key key = BadgePageCache.Key.of(id, path, locale, links.absolute(""));
        BadgePageCache.Page kept = cache.get(key);
        String content;
        if (kept != null) {
            content = kept.content();
        } else {
            PublicAward award = page.find(id).orElse(null);
            if (award == null) {
                return null;
            }
            Instant now = clock.instant();
            PublicAward.Status state = award.status(now);
            BadgePagePattern.Shape shape = BadgePagePattern.Shape.of(award, state, path, locale, key.base());
            content = cache.pattern(shape, s -> pattern(award, s, locale, request, response))
                    .fill(award, dates, locale);
            cache.put(key, award, content, now);
        }
        AnonymousLayout.Parts around = layout.around(locale, request, response);
        return new Page(around.before(), content, around.after());
    }

    /** The template's content for the stand-in of {@code award} in {@code shape}. */
    private BadgePagePattern pattern(PublicAward award, BadgePagePattern.Shape shape, Locale locale,
                                     HttpServletRequest request, HttpServletResponse response) {
        PublicAward standIn = BadgePagePattern.standIn(award, shape);
        BadgePageView view = page.view(standIn, shape.state(), shape.path(), null, null);
        WebExpressionContext context = new WebExpressionContext(templates.getConfiguration(),
                application.buildExchange(request, response), locale, Map.of("page", view,
                DisplayDialect.MARKERS, BadgePagePattern.DATE_MARKERS,
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null)));
        return BadgePagePattern.of(templates.process(PublicAwardPage.VIEW, CONTENT, context));
    }
}
