package org.insigne.backpack.territory;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * Where an earner says they are, never more precisely than about a kilometre: a commune (name and postcode,
 * as the earner writes it) and/or coordinates rounded here to 0.01 degree, before anything is stored. Built only
 * through {@link #of}, so a precise position cannot reach the database by another path.
 */
public record Place(@Nullable String name, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {

    public static final int MAX_NAME = 120;

    /** 0.01 degree: about 1.1 km of latitude, less of longitude away from the equator. */
    static final int SCALE = 2;

    public Place {
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            throw new PlaceNotGiven();
        }
        if ((latitude == null) != (longitude == null)) {
            throw new PlaceNotGiven();
        }
        if (name == null && latitude == null) {
            throw new PlaceNotGiven();
        }
        if (latitude != null && (latitude.scale() > SCALE || longitude.scale() > SCALE)) {
            throw new IllegalArgumentException("coordinates must be rounded through Place.of");
        }
    }

    /**
     * The coarse place: blank text counts as nothing, coordinates are rounded half-up to 0.01 degree and must
     * both be given and lie on Earth; {@link PlaceNotGiven} when nothing usable is left.
     */
    public static Place of(@Nullable String name, @Nullable Double latitude, @Nullable Double longitude) {
        String commune = name == null || name.isBlank() ? null : name.strip().replaceAll("\\s+", " ");
        if ((latitude == null) != (longitude == null)) {
            throw new PlaceNotGiven();
        }
        if (latitude == null) {
            return new Place(commune, null, null);
        }
        if (!Double.isFinite(latitude) || !Double.isFinite(longitude) || Math.abs(latitude) > 90
                || Math.abs(longitude) > 180) {
            throw new PlaceNotGiven();
        }
        return new Place(commune, round(latitude), round(longitude));
    }

    static BigDecimal round(double degrees) {
        BigDecimal rounded = BigDecimal.valueOf(degrees).setScale(SCALE, RoundingMode.HALF_UP);
        // -0.00 and 0.00 are the same place
        return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(SCALE) : rounded;
    }

    public boolean hasCoordinates() {
        return latitude != null;
    }
}
