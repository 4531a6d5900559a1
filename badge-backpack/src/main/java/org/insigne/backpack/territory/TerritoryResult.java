package org.insigne.backpack.territory;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One earner on the map as anyone sees them: what they chose to make public and nothing else (no account id, no
 * e-mail address, no name beyond the pseudonym). {@code publicId} names the entry for the contact form.
 */
public record TerritoryResult(String publicId, String pseudonym, @Nullable String placeName,
                              @Nullable BigDecimal latitude, @Nullable BigDecimal longitude, List<Badge> badges) {

    public TerritoryResult {
        badges = List.copyOf(badges);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    /** A public, verified badge of theirs that matched the filter; {@code publicId} is the badge's public page. */
    public record Badge(String publicId, String name, String issuerName, @Nullable String level, List<String> tags,
                        List<String> alignments) {
        public Badge {
            tags = List.copyOf(tags);
            alignments = List.copyOf(alignments);
        }
    }
}
