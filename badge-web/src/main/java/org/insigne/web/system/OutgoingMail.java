package org.insigne.web.system;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A rendered e-mail: one recipient, a subject, and an HTML body. */
public record OutgoingMail(String to, String subject, String htmlBody, Instant createdAt) {
    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(htmlBody, "htmlBody");
    }

    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("(?s)<title>.*?</title>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** The links the mail holds, unescaped, in order. */
    public List<String> links() {
        return LINK.matcher(htmlBody).results()
                .map(m -> m.group(1).replace("&amp;", "&"))
                .toList();
    }

    /** The body as plain text, for the development outbox page. */
    public String text() {
        String withoutTitle = TITLE.matcher(htmlBody).replaceAll("");
        return TAG.matcher(withoutTitle).replaceAll(" ")
                .replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
                .replaceAll("\\s+", " ").strip();
    }
}
