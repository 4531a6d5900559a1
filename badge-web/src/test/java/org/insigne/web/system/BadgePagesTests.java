package org.insigne.web.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The public badge pages are the two award routes of the route table, whatever the id looks like. */
class BadgePagesTests {

    private static final UUID AWARD = UUID.fromString("0c0c0c0c-3333-4333-8333-000000000003");

    @Test
    void knowsTheAssertionAndCredentialPages() {
        assertThat(BadgePages.isBadgePage(get("/ob2/assertions/" + AWARD))).isTrue();
        assertThat(BadgePages.isBadgePage(get("/ob3/credentials/" + AWARD))).isTrue();
        assertThat(BadgePages.isBadgePage(get("/ob3/credentials/not-an-id"))).isTrue();
        assertThat(BadgePages.awardId(get("/ob3/credentials/" + AWARD))).isEqualTo(AWARD);
    }

    @Test
    void leavesOtherAddressesAndMalformedIdsAlone() {
        assertThat(BadgePages.isBadgePage(get("/ob2/assertions/" + AWARD + "/signed"))).isFalse();
        assertThat(BadgePages.isBadgePage(get("/ob2/badge-classes/" + AWARD))).isFalse();
        assertThat(BadgePages.isBadgePage(get("/ob2/assertions/"))).isFalse();
        assertThat(BadgePages.awardId(get("/ob2/assertions/1-2-3-4-5"))).isNull();
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }
}
