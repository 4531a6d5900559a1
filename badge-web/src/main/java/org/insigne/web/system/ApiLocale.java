package org.insigne.web.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The language of an API answer: {@code ?lang=} when given, else the request's {@code Accept-Language} when it
 * asks for English, else French.
 */
public final class ApiLocale {

    private ApiLocale() {
    }

    public static Locale of(HttpServletRequest request) {
        // From the query string only: reading parameters would parse a multipart body, which may be the very
        // thing being refused (too large).
        String lang = queryParameter(request.getQueryString(), "lang");
        if (lang != null) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
        }
        if (request.getHeader("Accept-Language") != null) {
            return "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        }
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    private static @Nullable String queryParameter(@Nullable String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
