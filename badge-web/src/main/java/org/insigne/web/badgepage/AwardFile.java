package org.insigne.web.badgepage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.insigne.issuer.publishing.BakedForm;
import org.jspecify.annotations.Nullable;

/**
 * One form of a badge issued here as a file to download from its public page: its address segment, the end of
 * its file name (after the badge's name), its media type, the label the page shows, and for a baked image the
 * form of the image. The signed forms have their own extension, so that a VC-JWT saved from the page is
 * {@code animer-une-reunion.jwt}, never a file called {@code jwt}.
 */
enum AwardFile {
    OB2_JSON("ob2.json", "-ob2.json", "application/ld+json", "badge.page.forms.ob2-json", null),
    OB3_JSON("ob3.json", ".json", "application/ld+json", "badge.page.forms.ob3-json", null),
    OB2_JWS("ob2.jws", ".jws", "application/jose", "badge.page.forms.ob2-jws", null),
    OB3_JWT("ob3.jwt", ".jwt", "application/vc+jwt", "badge.page.forms.ob3-jwt", null),
    OB2_PNG("ob2.png", "-ob2.png", "image/png", "badge.page.forms.ob2-baked.png", BakedForm.OB2_PNG),
    OB3_PNG("ob3.png", "-ob3.png", "image/png", "badge.page.forms.ob3-baked.png", BakedForm.OB3_PNG),
    OB2_SVG("ob2.svg", "-ob2.svg", "image/svg+xml", "badge.page.forms.ob2-baked.svg", BakedForm.OB2_SVG),
    OB3_SVG("ob3.svg", "-ob3.svg", "image/svg+xml", "badge.page.forms.ob3-baked.svg", BakedForm.OB3_SVG);

    private final String segment;
    private final String suffix;
    private final String mediaType;
    private final String labelKey;
    private final @Nullable BakedForm baked;

    AwardFile(String segment, String suffix, String mediaType, String labelKey, @Nullable BakedForm baked) {
        this.segment = segment;
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.labelKey = labelKey;
        this.baked = baked;
    }

    /**
     * The files of a badge whose image is of {@code imageMediaType}, in the page's order: a PNG image gives
     * baked PNG and SVG (the PNG wrapped in an SVG), an SVG image baked SVG only (nothing here turns SVG into PNG).
     */
    static List<AwardFile> offered(@Nullable String imageMediaType) {
        boolean svgImage = "image/svg+xml".equals(imageMediaType);
        return Arrays.stream(values()).filter(f -> !(svgImage && f.mediaType.equals("image/png"))).toList();
    }

    static Optional<AwardFile> of(String segment) {
        return Arrays.stream(values()).filter(f -> f.segment.equals(segment)).findFirst();
    }

    String segment() {
        return segment;
    }

    String mediaType() {
        return mediaType;
    }

    String labelKey() {
        return labelKey;
    }

    @Nullable BakedForm baked() {
        return baked;
    }

    /** The file's name: the badge's name in plain ASCII ({@code slug}), then what says which form it is. */
    String fileName(String slug) {
        return slug + suffix;
    }
}
