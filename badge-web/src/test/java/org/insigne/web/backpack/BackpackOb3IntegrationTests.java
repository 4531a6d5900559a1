package org.insigne.web.backpack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.jsonld.BoundedJson;
import org.insigne.core.signing.DataIntegrityProofs;
import org.insigne.core.signing.Ed25519Keys;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.node.ObjectNode;

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

    private final Ed25519Keys.KeyPair keys = Ed25519Keys.generate();
    private final String issuer = "did:key:" + keys.publicKeyMultibase();
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
    void marksACredentialAwardedToADidAsNotLinked() throws Exception {
        String location = upload(credential(null, "did:example:volunteer-42")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user(sam)))
                .andExpect(content().string(containsString("Non relié à vous")));
    }

    @Test
    void refusesACredentialAwardedToSomeoneElse() throws Exception {
        upload(credential("someone.else@example.org", null))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(containsString("autre adresse")));
        assertThat(jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class, sam.id()))
                .isZero();
    }

    private ResultActions upload(byte[] png) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "credential.png", "image/png", png)).with(csrf()).with(user(sam)))
                .andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private byte[] credential(String recipientEmail, String subjectDid) throws Exception {
        ObjectNode c = BoundedJson.MAPPER.createObjectNode();
        c.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        c.put("id", "urn:uuid:" + UUID.randomUUID());
        c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode profile = c.putObject("issuer");
        profile.put("id", issuer);
        profile.putArray("type").add("Profile");
        profile.put("name", "Ligue de l'enseignement d'Indre-et-Loire");
        c.put("validFrom", "2026-01-10T08:00:00Z");
        c.put("name", "Animation d'ateliers");
        ObjectNode subject = c.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        if (subjectDid != null) {
            subject.put("id", subjectDid);
        }
        if (recipientEmail != null) {
            ObjectNode identifier = subject.putArray("identifier").addObject();
            identifier.put("type", "IdentityObject");
            identifier.put("hashed", false);
            identifier.put("identityHash", recipientEmail);
            identifier.put("identityType", "emailAddress");
        }
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://ligue37.example/achievements/ateliers");
        achievement.putArray("type").add("Achievement");
        achievement.put("name", "Animation d'ateliers");
        achievement.put("description", "A animé des ateliers pour des enfants.");
        achievement.putObject("criteria").put("narrative", "Animer au moins dix séances.");
        ObjectNode signed = DataIntegrityProofs.standard().sign(c, DataIntegrityProofs.ProofOptions.assertion(
                issuer + "#" + keys.publicKeyMultibase(), Instant.parse("2026-01-10T08:00:00Z")), keys);
        byte[] png = Files.readAllBytes(Path.of(getClass().getResource("/badge.png").toURI()));
        return new Baker(BakingLimits.defaults()).bake(png,
                new BakedPayload(PayloadKind.OB3_CREDENTIAL, BoundedJson.MAPPER.writeValueAsString(signed), null));
    }
}
