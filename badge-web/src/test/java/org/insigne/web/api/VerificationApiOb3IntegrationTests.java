package org.insigne.web.api;


import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.VcJwts;
import org.insigne.testing.SharedConformance;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.node.ObjectNode;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Open Badges 3.0 credentials, signed by a did:key issuer (resolved without any network), verify through the
 * API in both proof formats, baked or not; a tampered one does not.
 */
@InsigneIntegrationTest
class VerificationApiOb3IntegrationTests {

    private static final String EMAIL = "sam.taylor@example.org";

    @Autowired
    MockMvc mvc;

    final Ob3TestCredentials credentials = new Ob3TestCredentials();

    @Test
    void verifiesABakedDataIntegrityCredential() throws Exception {
        byte[] baked = credentials.bakedPng(credentials.credential(EMAIL, null));

        verify(multipart("/api/v1/verifications").file(new MockMultipartFile("file", "badge.png", "image/png", baked))
                .param("recipient", EMAIL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.spec").value("ob3"))
                .andExpect(jsonPath("$.badge.name").value(Ob3TestCredentials.BADGE_NAME))
                .andExpect(jsonPath("$.badge.issuer.name").value(Ob3TestCredentials.ISSUER_NAME));
    }

    @Test
    void verifiesAVcJwtAndRefusesATamperedCredential() throws Exception {
        String jwt = VcJwts.signEdDsa(credentials.credential(EMAIL, null), credentials.keys(), credentials.method());
        verify(json("{\"jwt\": \"" + jwt + "\"}"))
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.spec").value("ob3"));

        ObjectNode signed = credentials.signed(credentials.credential(EMAIL, null));
        signed.put("name", "Direction d'association");
        verify(json("{\"credential\": " + BoundedJson.MAPPER.writeValueAsString(signed) + "}"))
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.proof')].status").value("failed"));
    }

    @Test
    void answersNotSupportedForAClrCredentialAndAnUnknownCryptosuite() throws Exception {
        ObjectNode clr = BoundedJson.readObject(java.nio.file.Files.readString(
                SharedConformance.require("1edtech-dcpv/ob30/simple.json")));
        clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
        verify(json("{\"credential\": " + clr + "}").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.verdict").value("unsupported"))
                .andExpect(jsonPath("$.checks[0].id").value("ob3.parse"))
                .andExpect(jsonPath("$.checks[0].status").value("skipped"))
                .andExpect(jsonPath("$.checks[0].message").value(org.hamcrest.Matchers.containsString("CLR 2.0")));

        ObjectNode signed = credentials.signed(credentials.credential(EMAIL, null));
        ((ObjectNode) signed.get("proof")).put("cryptosuite", "eddsa-jcs-2022");
        verify(json("{\"credential\": " + BoundedJson.MAPPER.writeValueAsString(signed) + "}"))
                .andExpect(jsonPath("$.verdict").value("unsupported"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.proof')].message").value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("« eddsa-jcs-2022 »"))));
    }

    private MockHttpServletRequestBuilder json(String body) {
        return post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private ResultActions verify(RequestBuilder request) throws Exception {
        MvcResult pending = mvc.perform(request).andReturn();
        return mvc.perform(asyncDispatch(pending));
    }
}
