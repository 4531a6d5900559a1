package org.insigne.web.backpack;

import java.time.Instant;
import java.util.Locale;

import org.insigne.backpack.badge.BackpackService;
import org.insigne.web.system.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the share links and Open Graph tags of a public badge, with absolute addresses. */
@Component
class BadgeSharing {

    /** What link previews (Open Graph, X cards) show of a page. */
    record OpenGraph(String title, String description, String url, @Nullable String image) {
    }

    private final Links links;
    private final MessageSource messages;

    BadgeSharing(Links links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    ShareLinks links(String name, String issuerName, @Nullable Instant issuedOn, String publicId, boolean hasImage,
                     Locale locale) {
        String postText = messages.getMessage("backpack.share.post-text", new Object[] {name, issuerName}, locale);
        return ShareLinks.of(name, issuerName, issuedOn, publicId, publicUrl(publicId),
                hasImage ? links.absolute("/p/badges/" + publicId + "/image") : null, postText);
    }

    OpenGraph openGraph(String name, String issuerName, @Nullable String description, String publicId,
                        boolean hasImage, Locale locale) {
        String text = description != null && !description.isBlank() ? description
                : messages.getMessage("backpack.share.post-text", new Object[] {name, issuerName}, locale);
        return new OpenGraph(name + " — " + issuerName, text.length() > 300 ? text.substring(0, 299) + "…" : text,
                publicUrl(publicId), hasImage ? links.absolute("/p/badges/" + publicId + "/image") : null);
    }

    String publicUrl(String publicId) {
        return links.absolute("/p/badges/" + publicId);
    }

    /** The short link to the public page, to print or type: {@code /b/} and a prefix of the public id. */
    String shortUrl(String publicId) {
        return links.absolute(PublicBadgeController.SHORT_LINK + BackpackService.shortLinkOf(publicId));
    }
}
