package org.insigne.web.territory;

import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The map's level filter, as the page renders it, offers every usual level whoever is on the map. */
@InsigneIntegrationTest
class TerritoryMapLevelsIntegrationTests {

    @Autowired MockMvc mvc;

    @Test
    void offersEveryUsualLevelInTheFilterInBothLanguages() throws Exception {
        for (String language : new String[] {"fr", "en"}) {
            String page = mvc.perform(get("/territoire").param("lang", language)).andReturn().getResponse()
                    .getContentAsString();
            String select = page.substring(page.indexOf("<select id=\"level\""), page.indexOf("</select>",
                    page.indexOf("<select id=\"level\"")));
            assertThat(select).contains("<option value=\"Je fais\">Je fais</option>",
                    "<option value=\"Je transmets\">Je transmets</option>",
                    "<option value=\"Je pilote\">Je pilote</option>");
        }
    }
}
