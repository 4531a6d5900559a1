package org.insigne.web.territory;

import java.time.Duration;

import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.Browser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a tile server configured (a local address nothing answers on: tests never reach the internet), the CSP
 * allows its origin for images, the page loads Leaflet from the webjar and the script draws one marker per place.
 */
@Tag("browser")
@InsigneIntegrationTest
@TestPropertySource(properties = {"insigne.territory.tile-url=http://127.0.0.1:9/{z}/{x}/{y}.png",
        "insigne.territory.tile-attribution=Tuiles de test"})
class TerritoryTilesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void drawsTheResultsOnTheMapFromTheConfiguredTileServer() throws Exception {
        TerritoryFixture fixture = new TerritoryFixture(mvc, jdbc);
        String word = "t" + Long.toHexString(System.nanoTime());
        for (String name : new String[] {"Alex", "Noa"}) {
            AccountUser earner = fixture.earner(name.toLowerCase(), name + " Lambert", "fr", null);
            String badge = fixture.publicBadge(earner, fixture.badge(earner, "Médiation " + word, "mediation",
                    "RNCP", "Je fais"));
            mvc.perform(fixture.optIn(earner, name, "Tours 37000", "47.39", "0.69", badge))
                    .andExpect(status().is3xxRedirection());
        }

        mvc.perform(get("/territoire").param("skill", word))
                .andExpect(header().string("Content-Security-Policy",
                        containsString("img-src 'self' data: http://127.0.0.1:9;")))
                .andExpect(content().string(containsString(TerritoryController.LEAFLET + "leaflet.js")))
                .andExpect(content().string(containsString("data-tile-url=\"http://127.0.0.1:9/{z}/{x}/{y}.png\"")))
                .andExpect(content().string(containsString("Fond de carte : Tuiles de test")));

        try (Browser recruiter = Browser.open(port)) {
            recruiter.visit("/territoire?skill=" + word);
            new WebDriverWait(recruiter.driver(), Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("territory-map")).getAttribute("data-markers") != null);
            recruiter.assertAccessible();
            // two earners at the same rounded place: one marker listing both
            assertThat(recruiter.driver().findElement(By.id("territory-map")).getAttribute("data-markers"))
                    .isEqualTo("1");
            assertThat(recruiter.driver().findElements(By.cssSelector("path.territory-marker"))).hasSize(1);
            assertThat(recruiter.text()).contains("2 personnes trouvées", "Alex", "Noa");
        }
    }
}
