package org.insigne.backpack.territory;

import java.time.Instant;
import java.util.List;

import org.insigne.backpack.badge.BadgeId;

/** The earner's own entry on the map, as their settings page shows it. */
public record MyTerritoryEntry(String publicId, String pseudonym, Place place, Instant consentedAt,
                               List<BadgeId> badges) {
    public MyTerritoryEntry {
        badges = List.copyOf(badges);
    }
}
