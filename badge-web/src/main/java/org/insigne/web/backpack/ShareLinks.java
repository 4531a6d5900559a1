package org.insigne.web.backpack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The ways to share a public badge: its address, the links that open LinkedIn, Mastodon and X with the
 * badge filled in, and an HTML snippet to paste in a web page. Every value put in a link is URL-encoded,
 * since a badge name is the issuer's text and may hold {@code &} or {@code #}.
 *
 * @param publicUrl   the public page's absolute address
 * @param imageUrl    our own absolute address of the badge image, or null when the badge came without one
 * @param embedSnippet a plain link with the image (no iframe: the host page keeps control of its layout)
 */
record ShareLinks(String publicUrl, @Nullable String imageUrl, String linkedInAddToProfile, String linkedInPost,
                  String mastodon, String x, String embedSnippet) {

    /**
     * @param postText the sentence proposed for a social post, in the earner's language, without the address
     */
    static ShareLinks of(String name, String issuerName, @Nullable Instant issuedOn, String publicId,
                         String publicUrl, @Nullable String imageUrl, String postText) {
        // LinkedIn's "Add to profile" link for certifications: startTask, name, organizationName, issueYear,
        // issueMonth, certUrl (where the certification can be checked) and certId.
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("startTask", "CERTIFICATION_NAME");
        profile.put("name", name);
        profile.put("organizationName", issuerName);
        if (issuedOn != null) {
            ZonedDateTime issued = issuedOn.atZone(ZoneOffset.UTC);
            profile.put("issueYear", Integer.toString(issued.getYear()));
            profile.put("issueMonth", Integer.toString(issued.getMonthValue()));
        }
        profile.put("certUrl", publicUrl);
        profile.put("certId", publicId);
        String addToProfile = "https://www.linkedin.com/profile/add?" + query(profile);
        String post = "https://www.linkedin.com/sharing/share-offsite/?" + query(Map.of("url", publicUrl));
        String mastodon = "https://mastodon.social/share?" + query(Map.of("text", postText + " " + publicUrl));
        Map<String, String> tweet = new LinkedHashMap<>();
        tweet.put("text", postText);
        tweet.put("url", publicUrl);
        String x = "https://x.com/intent/tweet?" + query(tweet);
        return new ShareLinks(publicUrl, imageUrl, addToProfile, post, mastodon, x,
                snippet(name, issuerName, publicUrl, imageUrl));
    }

    private static String snippet(String name, String issuerName, String publicUrl, @Nullable String imageUrl) {
        String href = HtmlUtils.htmlEscape(publicUrl);
        String label = HtmlUtils.htmlEscape(name + " — " + issuerName);
        if (imageUrl == null) {
            return "<a href=\"" + href + "\">" + label + "</a>";
        }
        return "<a href=\"" + href + "\"><img src=\"" + HtmlUtils.htmlEscape(imageUrl) + "\" alt=\"" + label
                + "\" width=\"120\" height=\"120\"></a>";
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Percent-encoding with {@code %20} for spaces: {@code +} means a space only in form bodies. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
