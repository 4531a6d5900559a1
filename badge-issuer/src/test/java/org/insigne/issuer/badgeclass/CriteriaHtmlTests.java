package org.insigne.issuer.badgeclass;

import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaHtmlTests {

    @Test
    @HostileInput("R1")
    void rendersFormattingListsAndSafeLinks() {
        String html = CriteriaHtml.render("# Critères\n\n- **Animer** une réunion\n- voir [le guide](https://exemple.fr/guide)\n\n"
                + "Écrire à [nous](mailto:contact@exemple.fr)");
        assertThat(html).contains("<h2>Critères</h2>", "<li><strong>Animer</strong> une réunion</li>",
                "<a href=\"https://exemple.fr/guide\" rel=\"nofollow noopener\">le guide</a>",
                "href=\"mailto:contact&#64;exemple.fr\"");
    }

    @Test
    @HostileInput("R1")
    void dropsScriptLinksButKeepsTheirText() {
        String html = CriteriaHtml.render("[x](javascript:alert(1)) et [y](JaVaScRiPt:alert(2)) et [z](data:text/html,hi)");
        assertThat(html).doesNotContainIgnoringCase("javascript").doesNotContain("data:").doesNotContain("href")
                .contains("x", "y", "z");
    }

    @Test
    @HostileInput("R1")
    void showsRawHtmlAsText() {
        String html = CriteriaHtml.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }
}
