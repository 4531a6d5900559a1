package org.insigne.web.backpack;

import java.util.UUID;

import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Open Badges 3.0 credentials from a did:key issuer (verified with no network) in the backpack: one awarded to
 * the earner's address is kept as verified; one awarded to a DID only is kept, marked "not linked to you";
 * one awarded to someone else's address is refused.
 */
@InsigneIntegrationTest
class BackpackOb3IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final Ob3TestCredentials credentials = new Ob3TestCredentials();
    private final String email = "sam." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private final AccountUser sam = new AccountUser(UUID.randomUUID(), email, "Sam Taylor", "", true, false);

    @Test
    void keepsACredentialAwardedToTheEarnersAddress() throws Exception {
        String location = upload(credential(email, null)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(sam)))
                .andExpect(content().string(containsString("Animation d&#39;ateliers")))
                .andExpect(content().string(containsString("Vérifié")));
    }

    @Test
    @HostileInput("A6")
    void marksACredentialAwardedToADidAsNotLinked() throws Exception {
        String location = upload(credential(null, "did:example:volunteer-42")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(sam)))
                .andExpect(content().string(containsString("Non relié à vous")));
    }

    @Test
    @HostileInput("A6")
    void keepsACredentialAwardedToSomeoneElseAsRecipientNotConfirmed() throws Exception {
        String location = upload(credential("someone.else@example.org", null)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(sam)))
                .andExpect(content().string(containsString("Destinataire non confirmé")));
        assertThat(jdbc.queryForObject("select recipient_status from backpack_badge where owner_id = ?", String.class,
                sam.id())).isEqualTo("NOT_CONFIRMED");
    }

    private ResultActions upload(byte[] png) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "credential.png", "image/png", png)).with(csrf()).with(user(sam)))
                .andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private byte[] credential(String recipientEmail, String subjectDid) throws Exception {
        return credentials.bakedPng(credentials.credential(recipientEmail, subjectDid));
    }
}
