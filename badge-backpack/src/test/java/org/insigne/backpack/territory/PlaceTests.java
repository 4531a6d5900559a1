package org.insigne.backpack.territory;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A place is never kept more precisely than 0.01 degree, and something usable must be given. */
class PlaceTests {

    @Test
    void roundsCoordinatesToAHundredthOfADegree() {
        Place place = Place.of(null, 47.394712, -0.688853);
        assertThat(place.latitude()).isEqualTo(new BigDecimal("47.39"));
        assertThat(place.longitude()).isEqualTo(new BigDecimal("-0.69"));
        assertThat(Place.of(null, 47.395, 0.005).latitude()).isEqualTo(new BigDecimal("47.40"));
        assertThat(Place.of(null, -0.001, 0.001).latitude()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void keepsACommuneAloneWithoutCoordinates() {
        Place place = Place.of("  Tours   37000 ", null, null);
        assertThat(place.name()).isEqualTo("Tours 37000");
        assertThat(place.hasCoordinates()).isFalse();
    }

    @Test
    void refusesNothingHalfACoordinateAndPlacesOffTheEarth() {
        assertThatThrownBy(() -> Place.of(" ", null, null)).isInstanceOf(PlaceNotGiven.class);
        assertThatThrownBy(() -> Place.of("Tours", 47.39, null)).isInstanceOf(PlaceNotGiven.class);
        assertThatThrownBy(() -> Place.of(null, 91.0, 0.0)).isInstanceOf(PlaceNotGiven.class);
        assertThatThrownBy(() -> Place.of(null, 0.0, -180.5)).isInstanceOf(PlaceNotGiven.class);
        assertThatThrownBy(() -> Place.of(null, Double.NaN, 0.0)).isInstanceOf(PlaceNotGiven.class);
        assertThatThrownBy(() -> Place.of("x".repeat(121), null, null)).isInstanceOf(PlaceNotGiven.class);
    }

    @Test
    void cannotBeBuiltWithAPrecisePosition() {
        assertThatThrownBy(() -> new Place(null, new BigDecimal("47.3947"), new BigDecimal("0.69")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
