package org.insigne.web.system;

import java.util.UUID;

import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A malformed typed id in a path or a parameter is a page that does not exist, with the id's own message. */
@InsigneIntegrationTest
class TypedIdIntegrationTests {

    @Autowired
    MockMvc mvc;

    private final AccountUser camille = new AccountUser(UUID.randomUUID(),
            "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Camille Martin", "", true,
            false);

    @Test
    void answersNotFoundForAMalformedBadgeCollectionOrCvId() throws Exception {
        mvc.perform(get("/backpack/badges/pas-un-id").with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ce badge n&#39;existe pas")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/backpack/collections/pas-un-id").with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Cette collection n&#39;existe pas")));
        mvc.perform(post("/backpack/collections/" + UUID.randomUUID() + "/move").param("badge", "pas-un-id")
                        .param("step", "1").with(csrf()).with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ce badge n&#39;existe pas")));
        mvc.perform(post("/backpack/cvs/pas-un-id/revoke").with(csrf()).with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Ce CV n&#39;existe pas")));
    }

    @Test
    void answersNotFoundForAMalformedClaimLink() throws Exception {
        mvc.perform(get("/backpack/claim/" + UUID.randomUUID().toString().substring(0, 20)).with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("copié le lien du message en entier")));
    }

    @Test
    void answersNotFoundForAMalformedPlainIdInAConsoleOrAccountPath() throws Exception {
        mvc.perform(get("/console/organisations/pas-un-id/staff").with(user(camille)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/account/emails/pas-un-id/remove").with(csrf()).with(user(camille)))
                .andExpect(status().isNotFound());
    }

    @Test
    void answersABare404ForAMalformedIdInAHostedDocumentAddress() throws Exception {
        for (String path : new String[] {"/ob3/achievements/pas-un-id", "/ob3/credentials/pas-un-id/jwt",
                "/ob3/issuers/pas-un-id/did.json"}) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString("<html"))));
        }
    }
}
