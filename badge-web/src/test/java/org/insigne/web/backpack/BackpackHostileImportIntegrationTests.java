package org.insigne.web.backpack;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hostile uploads {@code BackpackImportIntegrationTests} does not cover: a 50 MB file and a PNG whose
 * compressed {@code iTXt} chunk would inflate to a gigabyte. Each gets a clear message, no 500, nothing kept.
 */
@InsigneIntegrationTest
class BackpackHostileImportIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private final AccountUser camille = new AccountUser(UUID.randomUUID(),
            "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "Camille Martin", "", true,
            false);

    @Test
    void refusesAFiftyMegabyteFile() throws Exception {
        byte[] big = Arrays.copyOf(resource(), 50 * 1024 * 1024);
        upload(big).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("dépasse 5 Mo")));
        assertNothingStored();
    }

    @Test
    @HostileInput("B2")
    void refusesAPngWhoseBadgeWouldInflateToAGigabyte() throws Exception {
        byte[] bomb = pngWithCompressedItxt(resource(), 1024L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(5 * 1024 * 1024);
        upload(bomb).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("il n&#39;a pas été ajouté")));
        assertNothingStored();
    }

    /** The PNG with an {@code openbadges} iTXt chunk (compression flag 1) of {@code inflated} zero bytes. */
    private static byte[] pngWithCompressedItxt(byte[] png, long inflated) throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION),
                1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < inflated; written += zeros.length) {
                out.write(zeros);
            }
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write("openbadges".getBytes(StandardCharsets.ISO_8859_1));
        data.write(new byte[] {0, 1, 0, 0, 0});
        data.write(compressed.toByteArray());
        byte[] chunk = chunk("iTXt", data.toByteArray());
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.write(png, 0, afterIhdr);
        result.write(chunk);
        result.write(png, afterIhdr, png.length - afterIhdr);
        return result.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(12 + data.length);
        buffer.putInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        buffer.put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    private ResultActions upload(byte[] bytes) throws Exception {
        MvcResult started = mvc.perform(multipart("/backpack/import")
                .file(new MockMultipartFile("file", "badge.png", "image/png", bytes)).with(csrf()).with(user(camille)))
                .andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private void assertNothingStored() {
        assertThat(jdbc.queryForObject("select count(*) from backpack_badge where owner_id = ?", Long.class,
                camille.id())).isZero();
    }

    private static byte[] resource() throws Exception {
        try (var in = BackpackHostileImportIntegrationTests.class.getResourceAsStream("/badge.png")) {
            return in.readAllBytes();
        }
    }
}
