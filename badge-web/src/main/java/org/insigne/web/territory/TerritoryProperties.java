package org.insigne.web.territory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the learning-territory map.
 *
 * @param tileUrl          Leaflet tile URL template ({@code https://{s}.tile.example.org/{z}/{x}/{y}.png}); empty
 *                         (the default) shows no map tiles, so that no page contacts a third party; the list of
 *                         results works either way. The CSP allows this origin for images only when it is set.
 * @param tileAttribution  the attribution the tile server requires, shown under the map (plain text)
 * @see org.insigne.web.system.RateLimits for {@code insigne.territory.contacts-per-hour}
 */
@ConfigurationProperties("insigne.territory")
public record TerritoryProperties(
        @DefaultValue("") String tileUrl,
        @DefaultValue("") String tileAttribution) {

    public boolean hasTiles() {
        return !tileUrl.isBlank();
    }
}
