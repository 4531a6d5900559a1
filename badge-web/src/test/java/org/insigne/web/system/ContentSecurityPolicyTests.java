package org.insigne.web.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Images may come from the map tile server only when one is configured, and only from its origin. */
class ContentSecurityPolicyTests {

    @Test
    void allowsOnlyOurOwnImagesWithoutATileServer() {
        assertThat(SecurityConfiguration.contentSecurityPolicy(""))
                .isEqualTo("default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                        + "base-uri 'self'; form-action 'self'");
    }

    @Test
    void addsTheTileServersOriginWithItsSubdomainsAsAWildcard() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: https://*.tile.openstreetmap.org;");
        assertThat(SecurityConfiguration.tileOrigin("http://127.0.0.1:8089/tiles/{z}/{x}/{y}.png"))
                .isEqualTo("http://127.0.0.1:8089");
    }

    @Test
    void refusesATileUrlThatIsNotAPlainHttpUrl() {
        for (String bad : new String[] {"javascript:alert(1)", "https://evil.example; script-src *",
                "https://{z}.example/{x}.png", "ftp://tiles.example/{z}.png", "https://tiles.example"}) {
            assertThatThrownBy(() -> SecurityConfiguration.tileOrigin(bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
