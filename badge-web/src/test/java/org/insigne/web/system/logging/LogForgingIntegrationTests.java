package org.insigne.web.system.logging;

import org.insigne.core.jsonld.BoundedJson;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.insigne.web.testing.Ob3TestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Values posted anonymously to the verification API reach the application's real console log escaped: they
 * cannot start a line of their own nor carry control characters.
 */
@InsigneIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogForgingIntegrationTests {

    @Autowired
    MockMvc mvc;

    final Ob3TestCredentials credentials = new Ob3TestCredentials();

    /**
     * The subject id reaches the log through a library: checking the Data Integrity proof turns the credential
     * into RDF, and Titanium (JSON-LD) logs "Non well-formed subject [id] has been skipped." through
     * java.util.logging, which Spring Boot bridges to logback. It does so for an id without a scheme (one with a
     * scheme counts as absolute and is not logged). The credential is signed with a clean id and changed
     * afterwards, so that it is the application's verification, not the signing here, that logs it.
     */
    @Test
    void escapesALineBreakAndANulInACredentialSubjectId(CapturedOutput output) throws Exception {
        ObjectNode credential = credentials.signed(credentials.credential(null, "https://example.org/earners/7"));
        ((ObjectNode) credential.get("credentialSubject"))
                .put("id", "earner-7\nFAKE LOG LINE\u0000 end");

        verify("{\"credential\": " + BoundedJson.MAPPER.writeValueAsString(credential) + "}");

        assertThat(output.getAll()).contains("[earner-7\\nFAKE LOG LINE\\u0000 end]");
        assertNothingForged(output);
    }

    /**
     * A URL cannot carry CR or LF this far (java.net.URI refuses them, so the verifier never fetches it), but it
     * can carry a bidirectional override, which would show the rest of the line reversed. Fetching a loopback
     * address is refused (the default), and that refusal is logged at WARN with the URL.
     */
    @Test
    void escapesABidiControlInAUrlThatIsRefused(CapturedOutput output) throws Exception {
        verify("{\"url\": \"http://127.0.0.1:9/badge\u202Egpj.exe\"}");

        assertThat(output.getAll()).contains("http://127.0.0.1:9/badge\\u202egpj.exe")
                .doesNotContain("\u202E");
        assertNothingForged(output);
    }

    private void verify(String body) throws Exception {
        MvcResult pending = mvc.perform(post("/api/v1/verifications").contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();
        mvc.perform(asyncDispatch(pending)).andExpect(status().isOk());
    }

    private static void assertNothingForged(CapturedOutput output) {
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("FAKE LOG LINE"));
        assertThat(output.getAll()).doesNotContain("\u0000").doesNotContain("\r");
    }
}
