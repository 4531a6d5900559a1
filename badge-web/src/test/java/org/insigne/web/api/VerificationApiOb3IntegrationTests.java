package org.insigne.web.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.core.signing.VcJwts;
import org.insigne.web.testing.InsigneIntegrationTest;
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

    final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    final String issuer = "did:key:" + keys.publicKeyMultibase();
    final String method = issuer + "#" + keys.publicKeyMultibase();

    @Test
    void verifiesABakedDataIntegrityCredential() throws Exception {
        ObjectNode signed = DataIntegrityProofs.standard().sign(credential(),
                DataIntegrityProofs.ProofOptions.assertion(method, Instant.parse("2026-01-10T08:00:00Z")), keys);
        byte[] png = Files.readAllBytes(Path.of(getClass().getResource("/badge.png").toURI()));
        byte[] baked = new Baker(BakingLimits.defaults()).bake(png,
                new BakedPayload(PayloadKind.OB3_CREDENTIAL, BoundedJson.MAPPER.writeValueAsString(signed), null));

        verify(multipart("/api/v1/verifications").file(new MockMultipartFile("file", "badge.png", "image/png", baked))
                .param("recipient", EMAIL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.spec").value("ob3"))
                .andExpect(jsonPath("$.badge.name").value("Animation d'ateliers"))
                .andExpect(jsonPath("$.badge.issuer.name").value("Ligue de l'enseignement d'Indre-et-Loire"));
    }

    @Test
    void verifiesAVcJwtAndRefusesATamperedCredential() throws Exception {
        String jwt = VcJwts.signEdDsa(credential(), keys, method);
        verify(json("{\"jwt\": \"" + jwt + "\"}"))
                .andExpect(jsonPath("$.verdict").value("valid"))
                .andExpect(jsonPath("$.spec").value("ob3"));

        ObjectNode signed = DataIntegrityProofs.standard().sign(credential(),
                DataIntegrityProofs.ProofOptions.assertion(method, Instant.parse("2026-01-10T08:00:00Z")), keys);
        signed.put("name", "Direction d'association");
        verify(json("{\"credential\": " + BoundedJson.MAPPER.writeValueAsString(signed) + "}"))
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[?(@.id == 'ob3.proof')].status").value("failed"));
    }

    private ObjectNode credential() {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        c.put("id", "urn:uuid:0b7c1f0e-8d43-4b8e-9a57-5f0d1c2e3a4b");
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode profile = c.putObject("issuer");
        profile.put("id", issuer);
        profile.putArray("type").add("Profile");
        profile.put("name", "Ligue de l'enseignement d'Indre-et-Loire");
        c.put("validFrom", "2026-01-10T08:00:00Z");
        c.put("name", "Animation d'ateliers");
        ObjectNode subject = c.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identifier = subject.putArray("identifier").addObject();
        identifier.put("type", "IdentityObject");
        identifier.put("hashed", false);
        identifier.put("identityHash", EMAIL);
        identifier.put("identityType", "emailAddress");
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://ligue37.example/achievements/ateliers");
        achievement.putArray("type").add("Achievement");
        achievement.put("name", "Animation d'ateliers");
        achievement.put("description", "A animé des ateliers pour des enfants.");
        achievement.putObject("criteria").put("narrative", "Animer au moins dix séances.");
        return c;
    }

    private MockHttpServletRequestBuilder json(String body) {
        return post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private ResultActions verify(RequestBuilder request) throws Exception {
        MvcResult pending = mvc.perform(request).andReturn();
        return mvc.perform(asyncDispatch(pending));
    }
}
