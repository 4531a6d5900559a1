package org.insigne.web.badgepage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContext;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.thymeleaf.context.WebExpressionContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The public badge page's layout (header, navigation, footer) as an anonymous reader sees it, rendered once
 * per language from the page's own template ({@code badgepage/badge-page} in {@code fragments/layout}, with
 * {@code layoutMarker} in place of the content) and kept: for a reader who is not signed in, it depends on
 * nothing but the language. The page's content goes between the two parts.
 *
 * <p>Rendered the way Thymeleaf's Spring MVC view renders a page (same request context variables), from
 * {@link PublicBadgePageFilter}, which runs before the security filter chain, with the anonymous
 * authentication that chain would have given the reader: the account block comes out as the anonymous one
 * ("Se connecter", "Créer un compte").
 */
@Component
class AnonymousLayout {

    /** Where the content goes: a comment no template or message contains. */
    private static final String CONTENT = "<!--content " + UUID.randomUUID() + "-->";

    record Parts(String before, String after) {
    }

    private final ISpringTemplateEngine templates;
    private final ServletContext servletContext;
    private final ApplicationContext applicationContext;
    private final Map<Locale, Parts> rendered = new ConcurrentHashMap<>();

    AnonymousLayout(ISpringTemplateEngine templates, ServletContext servletContext,
                    ApplicationContext applicationContext) {
        this.templates = templates;
        this.servletContext = servletContext;
        this.applicationContext = applicationContext;
    }

    /** The layout before and after the content, in {@code locale}; rendered on first use with this request. */
    Parts around(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        return rendered.computeIfAbsent(locale, l -> render(l, request, response));
    }

    private Parts render(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> model = new HashMap<>();
        model.put("layoutMarker", CONTENT);
        RequestContext requestContext = new RequestContext(request, response, servletContext, model);
        model.put(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
        model.put(AbstractTemplateView.SPRING_MACRO_REQUEST_CONTEXT_ATTRIBUTE, requestContext);
        model.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
                new SpringWebMvcThymeleafRequestContext(requestContext, request));
        model.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext,
                        (ConversionService) request.getAttribute(ConversionService.class.getName())));
        WebExpressionContext context = new WebExpressionContext(templates.getConfiguration(),
                JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response),
                locale, model);
        String page;
        SecurityContext outer = SecurityContextHolder.getContext();
        try {
            // what Spring Security's anonymous filter would have set for this reader
            SecurityContext anonymous = SecurityContextHolder.createEmptyContext();
            anonymous.setAuthentication(new AnonymousAuthenticationToken("insigne-anonymous-layout", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            SecurityContextHolder.setContext(anonymous);
            page = templates.process(PublicAwardPage.VIEW, context);
        } finally {
            SecurityContextHolder.setContext(outer);
        }
        int at = page.indexOf(CONTENT);
        if (at < 0 || page.indexOf(CONTENT, at + 1) >= 0) {
            throw new IllegalStateException(PublicAwardPage.VIEW + " must show its layoutMarker exactly once");
        }
        return new Parts(page.substring(0, at), page.substring(at + CONTENT.length()));
    }
}
