package org.insigne.web.backpack;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.ob2.Ob2Json;
import org.insigne.web.account.AccountUser;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.node.ObjectNode;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Imports baked badges into a backpack through the import form, as an earner does. */
final class BadgeUploads {

    private BadgeUploads() {
    }

    static byte[] bakedPng(ObjectNode assertion) throws Exception {
        byte[] png;
        try (var in = BadgeUploads.class.getResourceAsStream("/badge.png")) {
            png = in.readAllBytes();
        }
        return new Baker(BakingLimits.defaults()).bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION,
                Ob2Json.mapper().writeValueAsString(assertion), null));
    }

    /** Imports for {@code who} and returns the badge's page address, without the query. */
    static String imported(MockMvc mvc, AccountUser who, byte[] bytes) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge.png", "image/png", bytes)).with(csrf()).with(user(who)))
                .andReturn();
        String location = mvc.perform(asyncDispatch(started)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return location.substring(0, location.indexOf('?'));
    }

    static void makePublic(MockMvc mvc, AccountUser who, String page) throws Exception {
        mvc.perform(post(page + "/visibility").param("shared", "true").with(csrf()).with(user(who)))
                .andExpect(status().is3xxRedirection());
    }

    static String idOf(String page) {
        return page.substring(page.lastIndexOf('/') + 1);
    }
}
