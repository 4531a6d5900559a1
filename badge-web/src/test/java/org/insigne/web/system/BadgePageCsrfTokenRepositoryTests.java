package org.insigne.web.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/** The public badge pages keep their form's token in a cookie, so that viewing them creates no session. */
class BadgePageCsrfTokenRepositoryTests {

    private final BadgePageCsrfTokenRepository repository = new BadgePageCsrfTokenRepository();

    @Test
    void keepsTheTokenOfABadgePageInACookieWithoutASession() {
        for (String path : new String[] {"/ob2/assertions/8f0c", "/ob3/credentials/8f0c"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            String token = repository.loadDeferredToken(request, response).get().getToken();

            assertThat(request.getSession(false)).isNull();
            assertThat(response.getCookie(BadgePageCsrfTokenRepository.COOKIE)).isNotNull()
                    .satisfies(cookie -> assertThat(cookie.getValue()).isEqualTo(token))
                    .satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue());

            MockHttpServletRequest post = new MockHttpServletRequest("POST", path);
            post.setCookies(response.getCookie(BadgePageCsrfTokenRepository.COOKIE));
            CsrfToken loaded = repository.loadToken(post);
            assertThat(loaded).isNotNull();
            assertThat(loaded.getToken()).isEqualTo(token);
        }
    }

    @Test
    void keepsOtherPagesTokensInTheSession() {
        for (String path : new String[] {"/verify", "/ob2/assertions/8f0c/signed", "/console"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            repository.loadDeferredToken(request, response).get();

            assertThat(request.getSession(false)).isNotNull();
            assertThat(response.getCookie(BadgePageCsrfTokenRepository.COOKIE)).isNull();
        }
    }
}
