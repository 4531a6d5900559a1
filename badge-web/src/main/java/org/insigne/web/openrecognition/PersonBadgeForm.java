package org.insigne.web.openrecognition;

import org.jspecify.annotations.Nullable;

/** What the declare and award forms send, kept as typed so that a refused form comes back whole. */
record PersonBadgeForm(@Nullable String name, @Nullable String description, @Nullable String narrative,
                       @Nullable String level, @Nullable String evidence, @Nullable String shape,
                       @Nullable String colour, @Nullable String recipient) {

    static PersonBadgeForm empty() {
        return new PersonBadgeForm(null, null, null, null, null, null, null, null);
    }

    public String shapeOr(String first) {
        return shape == null || shape.isBlank() ? first : shape;
    }

    public String colourOr(String first) {
        return colour == null || colour.isBlank() ? first : colour;
    }
}
