package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The files a badge's page offers, for badges imported as an image and as pasted JSON. */
@InsigneIntegrationTest
class BadgeDownloadIntegrationTests {

    @Autowired MockMvc mvc;

    private final Ob3TestCredentials credentials = new Ob3TestCredentials();
    private final String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private final AccountUser camille = new AccountUser(UUID.randomUUID(), email, "Camille Martin", "", true, false);

    @Test
    void offersTheOriginalAndThePngOfABakedPngButNoSvg() throws Exception {
        byte[] png = credentials.bakedPng(credentials.credential(email, null));
        String page = BadgeUploads.imported(mvc, camille, png);
        mvc.perform(get(page).with(user(camille)))
                .andExpect(content().string(containsString("/download/original")))
                .andExpect(content().string(containsString("/download/baked.png")))
                .andExpect(content().string(containsString("/download/credential.json")))
                .andExpect(content().string(not(containsString("/download/baked.svg"))));
        mvc.perform(get(page + "/download/original").with(user(camille)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString(".png")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(png));
        mvc.perform(get(page + "/download/baked.svg").with(user(camille))).andExpect(status().isNotFound());
        AccountUser other = new AccountUser(UUID.randomUUID(), "x@example.org", "X", "", true, false);
        mvc.perform(get(page + "/download/original").with(user(other))).andExpect(status().isNotFound());
    }

    @Test
    void bakesPastedJsonIntoTheIssuersImage() throws Exception {
        ObjectNode credential = credentials.credential(email, null);
        byte[] image;
        try (var in = getClass().getResourceAsStream("/badge.png")) {
            image = in.readAllBytes();
        }
        ((ObjectNode) credential.get("credentialSubject").get("achievement")).putObject("image")
                .put("id", "data:image/png;base64," + Base64.getEncoder().encodeToString(image))
                .put("type", "Image");
        String json = BoundedJson.MAPPER.writeValueAsString(credentials.signed(credential));
        MvcResult started = mvc.perform(multipart("/backpack/import").param("pasted", json).with(csrf())
                .with(user(camille))).andReturn();
        String location = mvc.perform(asyncDispatch(started)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String page = location.substring(0, location.indexOf('?'));
        mvc.perform(get(page).with(user(camille)))
                .andExpect(content().string(containsString("/download/baked\"")));

        MvcResult baking = mvc.perform(get(page + "/download/baked").with(user(camille))).andReturn();
        byte[] baked = mvc.perform(asyncDispatch(baking))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new Baker(BakingLimits.defaults()).unbake(baked).text()).isEqualTo(json);
        String original = mvc.perform(get(page + "/download/original").with(user(camille)))
                .andExpect(header().string("Content-Disposition", containsString(".json")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(original).isEqualTo(json);
    }
}
