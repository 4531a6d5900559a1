package org.insigne.web.verify;

import org.jspecify.annotations.Nullable;

/**
 * Writes HTML text and attribute values, escaped as Thymeleaf's {@code th:text} escapes them: the five
 * characters that can end a text or a quoted attribute, {@code & < > " '}.
 */
public final class Html {

    private final StringBuilder out;

    public Html(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** Markup written as it is: only ever a literal of the code, never data. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text or an attribute value, escaped. */
    public Html text(@Nullable String text) {
        if (text == null) {
            return this;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** {@code <tag class="…">text</tag>}, the class omitted when null. */
    public Html element(String tag, @Nullable String cssClass, @Nullable String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>');
        text(text);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <a href="…" rel="nofollow noopener">text</a>}: a link to somewhere else than Insigne. */
    public Html externalLink(String url, String text) {
        return anchor(url, " rel=\"nofollow noopener\"", text);
    }

    /** {@code <a href="…">text</a>}. */
    public Html link(String url, String text) {
        return anchor(url, "", text);
    }

    private Html anchor(String url, String attributes, String text) {
        out.append("<a href=\"");
        text(url);
        out.append('"').append(attributes).append('>');
        text(text);
        out.append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
