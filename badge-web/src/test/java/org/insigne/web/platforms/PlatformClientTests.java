package org.insigne.web.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformClientTests {

    @Test
    void findsTheServiceDescriptionUnderWhatTheEarnerTyped() {
        assertThat(PlatformClient.discoveryUrl("badges.example.org"))
                .isEqualTo(URI.create("https://badges.example.org/ims/ob/v3p0/discovery"));
        assertThat(PlatformClient.discoveryUrl(" https://example.org/sac/ "))
                .isEqualTo(URI.create("https://example.org/sac/ims/ob/v3p0/discovery"));
        assertThat(PlatformClient.discoveryUrl("https://example.org/api/discovery"))
                .isEqualTo(URI.create("https://example.org/api/discovery"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pas une adresse", "ftp://example.org/", "https://user:pw@example.org/",
            "javascript:alert(1)"})
    void refusesWhatIsNoWebAddress(String typed) {
        assertThatThrownBy(() -> PlatformClient.discoveryUrl(typed)).isInstanceOfSatisfying(PlatformRefused.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("platforms.error.address"));
    }

    @Test
    void followsTheNextLinkOnlyOnTheSameOrigin() {
        URI page = URI.create("https://host.example/ims/ob/v3p0/credentials?limit=10&offset=0");
        String link = "<https://host.example/ims/ob/v3p0/credentials?limit=10&offset=0>; rel=\"first\", "
                + "<https://host.example/ims/ob/v3p0/credentials?limit=10&offset=10>; rel=\"next\"";

        assertThat(PlatformClient.next(page, link))
                .isEqualTo(URI.create("https://host.example/ims/ob/v3p0/credentials?limit=10&offset=10"));
        assertThat(PlatformClient.next(page, "</ims/ob/v3p0/credentials?offset=20>; rel=next"))
                .isEqualTo(URI.create("https://host.example/ims/ob/v3p0/credentials?offset=20"));
        assertThat(PlatformClient.next(page, "<https://elsewhere.example/steal>; rel=\"next\"")).isNull();
        assertThat(PlatformClient.next(page, "<http://host.example/ims/ob/v3p0/credentials>; rel=\"next\"")).isNull();
        assertThat(PlatformClient.next(page, "<https://host.example/x>; rel=\"last\"")).isNull();
    }

    @Test
    void asksWithAnS256ChallengeAndTheState() {
        // SHA-256 then base64url without padding, worked out independently (Python hashlib).
        assertThat(PlatformClient.challenge("dBjftJeZ4CVP-mB92K9uhvPZ3usfQUqLPZA6JmQUWdE"))
                .isEqualTo("iJFzvoKSJ1zeKc7KqcpLxAzaucK2j2F_MjA9io_9CEM");
        URI request = PlatformClient.authorizationRequest(URI.create("https://host.example/authorize?tenant=a"),
                "client-1", URI.create("https://insigne.example/backpack/platforms/callback"), "etat",
                "dBjftJeZ4CVP-mB92K9uhvPZ3usfQUqLPZA6JmQUWdE");
        assertThat(request.toString()).startsWith("https://host.example/authorize?tenant=a&response_type=code&")
                .contains("code_challenge=iJFzvoKSJ1zeKc7KqcpLxAzaucK2j2F_MjA9io_9CEM",
                        "code_challenge_method=S256", "state=etat", "client_id=client-1",
                        "redirect_uri=https%3A%2F%2Finsigne.example%2Fbackpack%2Fplatforms%2Fcallback");
    }
}
