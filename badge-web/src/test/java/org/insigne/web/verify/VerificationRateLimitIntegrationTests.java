package org.insigne.web.verify;

import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Anonymous verification is rate limited per client, with a clear answer on the page and in the API. */
@InsigneIntegrationTest
@TestPropertySource(properties = "insigne.verify.requests-per-minute=2")
class VerificationRateLimitIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    VerificationRateLimiter limiter;

    @Test
    void answers429OnceAClientIsOverTheLimit() throws Exception {
        String client = "198.51.100.7";
        for (int i = 0; i < 2; i++) {
            MvcResult pending = mvc.perform(post("/api/v1/verifications").with(r -> { r.setRemoteAddr(client); return r; })
                    .contentType(MediaType.APPLICATION_JSON).content("{\"jws\": \"not.a.jws\"}")).andReturn();
            mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/verifications").with(r -> { r.setRemoteAddr(client); return r; })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"jws\": \"not.a.jws\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("api.verification.rate-limited"))
                .andExpect(jsonPath("$.detail", containsString("Trop de vérifications")));
        MvcResult page = mvc.perform(post("/verify").with(csrf()).with(r -> { r.setRemoteAddr(client); return r; })
                .param("pasted", "{}")).andReturn();
        mvc.perform(asyncDispatch(page))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Trop de vérifications depuis votre adresse")));
    }

    @Test
    void countsEachClientApart() {
        org.assertj.core.api.Assertions.assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
        org.assertj.core.api.Assertions.assertThat(limiter.tryAcquire("203.0.113.1")).isTrue();
        org.assertj.core.api.Assertions.assertThat(limiter.tryAcquire("203.0.113.1")).isFalse();
        org.assertj.core.api.Assertions.assertThat(limiter.tryAcquire("203.0.113.2")).isTrue();
    }
}
