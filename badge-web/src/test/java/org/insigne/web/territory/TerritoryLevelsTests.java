package org.insigne.web.territory;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's level filter offers the usual levels even before anyone on the map holds them. */
class TerritoryLevelsTests {

    @Test
    void offersTheUsualLevelsThenTheOthersOnTheMapOnceEach() {
        assertThat(TerritoryController.levels(List.of())).containsExactly("Je fais", "Je transmets", "Je pilote");
        assertThat(TerritoryController.levels(List.of("je fais", "Expert", "Je transmets")))
                .containsExactly("Je fais", "Je transmets", "Je pilote", "Expert");
    }
}
