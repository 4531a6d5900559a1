package org.insigne.web.system;

import java.util.Objects;

/**
 * The machine-readable badge a public page shows, which the layout advertises in its head as
 * {@code <link rel="alternate" type="…" href="…">} so that other tools (and Insigne's own verifier) can follow
 * a share link to the badge itself. {@code href} is absolute.
 */
public record AlternateLink(String href, String type) {

    public AlternateLink {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(type, "type");
    }
}
