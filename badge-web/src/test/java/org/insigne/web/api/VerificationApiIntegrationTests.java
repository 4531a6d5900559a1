package org.insigne.web.api;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.insigne.testing.HostileInput;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The verification API refuses unusable requests with a clear problem and reports on everything else. */
@InsigneIntegrationTest
class VerificationApiIntegrationTests {

    private static final String PATH = "/api/v1/verifications";

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    @Test
    void refusesAnUnsupportedContentType() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("multipart/form-data")));
    }

    @Test
    void explainsMalformedJsonInFrenchAndEnglish() throws Exception {
        json("{\"url\": ").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("api.verification.malformed-json"))
                .andExpect(jsonPath("$.title").value("Demande inutilisable"))
                .andExpect(jsonPath("$.detail", containsString("n'est pas un JSON valide")));
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").content("[1,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("is not valid JSON")));
    }

    @Test
    void refusesARequestWithoutBadgeOrWithTwo() throws Exception {
        json("{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.verification.input-missing"));
        json("{\"url\": \"https://example.org/a\", \"jws\": \"a.b.c\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.verification.input-ambiguous"))
                .andExpect(jsonPath("$.detail", containsString("jws, url")));
    }

    @Test
    void refusesUnknownFieldsAndWrongTypes() throws Exception {
        json("{\"badge\": {}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.verification.unknown-field"));
        json("{\"url\": 42}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.verification.expected-string"));
        json("{\"assertion\": \"not an object\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.verification.expected-object"));
        json("[]").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.verification.not-an-object"));
    }

    @Test
    @HostileInput("S4")
    void refusesDeeplyNestedJson() throws Exception {
        String deep = "{\"assertion\": " + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        json(deep).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("api.verification.malformed-json"));
    }

    @Test
    @HostileInput("S4")
    void refusesAJsonBodyOverTwoMegabytes() throws Exception {
        String huge = "{\"jws\": \"" + "a".repeat(VerificationApiController.MAX_JSON_BYTES) + "\"}";
        json(huge).andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.code").value("api.verification.too-large"));
    }

    @Test
    @HostileInput("B3")
    void refusesAnEmptyFile() throws Exception {
        mvc.perform(multipart(PATH).file(new MockMultipartFile("file", "badge.png", "image/png", new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.verification.file-empty"));
    }

    @Test
    void refusesAnUploadOverTheLimitWith413() throws Exception {
        byte[] body = multipartBody("file", "big.png", new byte[11 * 1024 * 1024]);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "multipart/form-data; boundary=insigne-boundary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"upload.too-large\"");
    }

    @Test
    @HostileInput("B7")
    void reportsAnImageWithoutBadgeAsUnrecognised() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        MvcResult pending = mvc.perform(multipart(PATH).file(new MockMultipartFile("file", "badge.png", "image/png", jpeg)))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(pending))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("invalid"))
                .andExpect(jsonPath("$.checks[0].message", containsString("JPEG")));
    }

    @Test
    @HostileInput("F1")
    void neverFetchesFromLoopbackOrPrivateAddresses() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            for (String url : new String[] {"http://127.0.0.1:" + server.getAddress().getPort() + "/assertion",
                    "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/badge", "file:///etc/passwd"}) {
                verify("{\"url\": \"" + url + "\"}")
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.verdict").value(org.hamcrest.Matchers.not("valid")))
                        .andExpect(jsonPath("$.checks[*].status", hasItem("failed")));
            }
            assertThat(hits).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private ResultActions json(String body) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Posts JSON the API accepts and waits for the report. */
    ResultActions verify(String body) throws Exception {
        MvcResult pending = json(body).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(pending));
    }

    private static byte[] multipartBody(String field, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--insigne-boundary\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: image/png\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--insigne-boundary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
