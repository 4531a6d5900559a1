package org.insigne.web.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The language of an API answer: {@code ?lang=} when given, else the request's {@code Accept-Language} when it
 * asks for English, else French.
 */
public final class ApiLocale {

    private ApiLocale() {
    }

    public static Locale of(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
        }
        if (request.getHeader("Accept-Language") != null) {
            return "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        }
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }
}
