package org.insigne.web.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pages show dates to people. {@code timeZone}: the zone in which a date or a time is read (an award
 * made late in the evening in Paris is of that day, not of the next one in UTC); never the server's own
 * zone, which depends on where it runs.
 */
@ConfigurationProperties("insigne.display")
record DisplayProperties(@DefaultValue("Europe/Paris") ZoneId timeZone) {
}
