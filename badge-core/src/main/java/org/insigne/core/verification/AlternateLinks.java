package org.insigne.core.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds the machine-readable badge an HTML page advertises (HTML "Link type alternate": {@code <link
 * rel="alternate" type="application/ld+json" href="…">}), as badge pages of Insigne and other platforms do. Only
 * the {@code <head>} part before {@code <body>} is read, and at most {@link #MAX_CHARS} of it; the address must be
 * http(s) once resolved against the page's.
 */
final class AlternateLinks {

    /** A page as fetched: its final address (after redirects, for relative links) and its text. */
    record Page(URI url, String html) {
    }

    static final int MAX_CHARS = 256 * 1024;

    private static final Set<String> TYPES = Set.of("application/ld+json", "application/json",
            "application/vc+ld+json", "application/vc+jwt", "application/jwt", "text/plain");
    private static final Pattern LINK = Pattern.compile("<link\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&quot;", "\"", "&#39;", "'",
            "&apos;", "'", "&lt;", "<", "&gt;", ">");

    private AlternateLinks() {
    }

    /** The first advertised badge's address, or null when the page names none usable. */
    static @Nullable URI find(@Nullable Page page) {
        if (page == null) {
            return null;
        }
        String html = page.html().length() > MAX_CHARS ? page.html().substring(0, MAX_CHARS) : page.html();
        int body = html.toLowerCase(Locale.ROOT).indexOf("<body");
        Matcher link = LINK.matcher(body < 0 ? html : html.substring(0, body));
        while (link.find()) {
            String rel = null;
            String type = null;
            String href = null;
            Matcher attribute = ATTRIBUTE.matcher(link.group(1));
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                switch (attribute.group(1).toLowerCase(Locale.ROOT)) {
                    case "rel" -> rel = value;
                    case "type" -> type = value;
                    case "href" -> href = value;
                    default -> { }
                }
            }
            if (rel == null || type == null || href == null || !Set.of(rel.toLowerCase(Locale.ROOT).split("\\s+"))
                    .contains("alternate") || !TYPES.contains(type.strip().toLowerCase(Locale.ROOT).split(";")[0])) {
                continue;
            }
            URI resolved = resolve(page.url(), unescape(href.strip()));
            if (resolved != null) {
                return resolved;
            }
        }
        return null;
    }

    private static @Nullable URI resolve(URI base, String href) {
        try {
            URI url = base.resolve(new URI(href));
            String scheme = url.getScheme();
            return url.getHost() != null && scheme != null
                    && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) ? url : null;
        } catch (URISyntaxException | IllegalArgumentException unusable) {
            return null;
        }
    }

    private static String unescape(String text) {
        String out = text;
        for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
            out = out.replace(entity.getKey(), entity.getValue());
        }
        return out;
    }
}
