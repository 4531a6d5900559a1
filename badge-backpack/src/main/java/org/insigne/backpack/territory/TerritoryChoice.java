package org.insigne.backpack.territory;

import java.util.List;
import java.util.Objects;

import org.insigne.backpack.badge.BadgeId;

/**
 * What an earner asks the map to show: their explicit consent (nothing is published without it), the pseudonym
 * or first name they chose, a coarse place and the badges among their public, verified ones.
 */
public record TerritoryChoice(boolean consent, String pseudonym, Place place, List<BadgeId> badges) {
    public TerritoryChoice {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(place, "place");
        badges = List.copyOf(badges);
    }
}
