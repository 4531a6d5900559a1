package org.insigne.core.ob2;

import java.util.Set;

import org.insigne.core.verification.Check;

/** {@code ob2.badge-image}: the badge class's image, when given inline, must be a PNG or an SVG. */
final class ImageProbe implements Ob2Probe {

    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/svg+xml");

    @Override
    public boolean run(Ob2Context context) {
        return check(context, context.badge());
    }

    /** Also used for a badge class given on its own. */
    static boolean check(Ob2Context context, BadgeClass badge) {
        Image image = badge.image();
        if (image == null) {
            // Required by the spec, yet the reference validator accepts its absence: warn only.
            context.add(Check.warning(Ob2Verifier.BADGE_IMAGE, "ob2.badge-image.missing"));
        } else if (image.isDataUri() && !IMAGE_TYPES.contains(image.dataMediaType())) {
            return context.fail(Ob2Verifier.BADGE_IMAGE, "ob2.badge-image.wrong-type", image.dataMediaType());
        } else {
            context.add(Check.passed(Ob2Verifier.BADGE_IMAGE, "ob2.badge-image.ok"));
        }
        return true;
    }
}
