package org.insigne.web.backpack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.insigne.testing.HostileInput;
import org.insigne.web.account.AccountUser;
import org.insigne.web.testing.InsigneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Everything the backpack refuses to import, each with a message saying what to do and nothing stored. This
 * context does not allow the fetcher to reach 127.0.0.1, as in production.
 */
@InsigneIntegrationTest
class BackpackImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private final AccountUser camille = new AccountUser(UUID.randomUUID(),
            "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Camille Martin", "", true,
            false);

    @Test
    void refusesAPngThatHoldsNoBadge() throws Exception {
        upload(resource("/badge.png"), "photo.png")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ne contient pas de badge Open Badges")))
                .andExpect(content().string(containsString("image « cuite »")));
        assertNothingStored();
    }

    @Test
    @HostileInput("B7")
    void refusesAJpeg() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0};
        upload(jpeg, "badge.jpg")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("n&#39;a pas pu être lu comme un badge")))
                .andExpect(content().string(containsString("au format JPEG")));
        assertNothingStored();
    }

    @Test
    @HostileInput("B3")
    void refusesAnEmptyFile() throws Exception {
        upload(new byte[0], "badge.png")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le fichier envoyé est vide")));
        assertNothingStored();
    }

    @Test
    void refusesAFileOverFiveMegabytes() throws Exception {
        byte[] big = Arrays.copyOf(resource("/badge.png"), 6 * 1024 * 1024);
        upload(big, "enorme.png")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("dépasse 5 Mo")));
        assertNothingStored();
    }

    @Test
    @HostileInput("B6")
    void refusesAnSvgWithAnExternalEntityWithoutReadingIt() throws Exception {
        String svg = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><text>&xxe;</text></svg>
                """;
        upload(svg.getBytes(StandardCharsets.UTF_8), "badge.svg")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("il n&#39;a pas été ajouté")))
                .andExpect(content().string(not(containsString("root:"))));
        assertNothingStored();
    }

    @Test
    @HostileInput("F1")
    void refusesAnAddressOnThisMachineWithoutFetchingIt() throws Exception {
        paste("http://127.0.0.1:9/assertions/1", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("il n&#39;a pas été ajouté")))
                .andExpect(content().string(containsString("check-failed")));
        assertNothingStored();
    }

    @Test
    void asksForSomethingWhenTheFormIsEmpty() throws Exception {
        paste("   ", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez le fichier d&#39;un badge")));
        assertNothingStored();
    }

    @Test
    void explainsARefusalInEnglishWhenAsked() throws Exception {
        paste("bonjour", "en")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("does not contain an Open Badge")));
        assertNothingStored();
    }

    @Test
    void asksStrangersToLogInFirst() throws Exception {
        mvc.perform(get("/backpack")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    private ResultActions upload(byte[] bytes, String name) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/backpack/import")
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes));
        return perform(request);
    }

    private ResultActions paste(String text, String lang) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/backpack/import");
        request.param("pasted", text);
        if (lang != null) {
            request.param("lang", lang);
        }
        return perform(request);
    }

    private ResultActions perform(MockMultipartHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request.with(csrf()).with(user(camille))).andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class,
                camille.id())).isZero();
    }

    private static byte[] resource(String name) throws Exception {
        try (var in = BackpackImportIntegrationTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
