package org.insigne.web.territory;

import java.util.List;
import java.util.UUID;

import org.insigne.backpack.badge.BadgeId;
import org.insigne.backpack.territory.BadgeNotShowable;
import org.insigne.backpack.territory.Place;
import org.insigne.backpack.territory.PlaceNotGiven;
import org.insigne.backpack.territory.TerritoryChoice;
import org.jspecify.annotations.Nullable;

/**
 * The earner's opt-in form as posted: every field is text, so that a typo gets a clear message instead of a
 * binding error; {@link #toChoice()} turns it into the service's terms (and the coordinates into a coarse place).
 */
record TerritoryForm(@Nullable Boolean consent, @Nullable String pseudonym, @Nullable String placeName,
                     @Nullable String latitude, @Nullable String longitude, @Nullable List<String> badges) {

    static TerritoryForm empty() {
        return new TerritoryForm(false, "", "", "", "", List.of());
    }

    TerritoryChoice toChoice() {
        return new TerritoryChoice(Boolean.TRUE.equals(consent), pseudonym == null ? "" : pseudonym,
                Place.of(placeName, degrees(latitude), degrees(longitude)), badgeIds());
    }

    public boolean chose(UUID badgeId) {
        return badges != null && badges.contains(badgeId.toString());
    }

    private List<BadgeId> badgeIds() {
        if (badges == null) {
            return List.of();
        }
        try {
            return badges.stream().map(id -> new BadgeId(UUID.fromString(id))).toList();
        } catch (IllegalArgumentException malformed) {
            throw new BadgeNotShowable();
        }
    }

    /** Blank is "not given"; a French decimal comma is accepted; anything else is not a place. */
    private static @Nullable Double degrees(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            throw new PlaceNotGiven();
        }
    }
}
