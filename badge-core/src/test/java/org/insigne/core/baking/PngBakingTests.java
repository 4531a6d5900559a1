package org.insigne.core.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.core.baking.PngFixtures.assemble;
import static org.insigne.core.baking.PngFixtures.chunk;
import static org.insigne.core.baking.PngFixtures.chunks;
import static org.insigne.core.baking.PngFixtures.itxt;
import static org.insigne.core.baking.PngFixtures.readInt;
import static org.insigne.core.baking.PngFixtures.type;
import static org.insigne.core.baking.PngFixtures.withChunksBeforeEnd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

import org.insigne.core.baking.BakingFailed.Reason;
import org.insigne.core.verification.CheckMessages;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

class PngBakingTests {

    static final String ASSERTION = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
            + "\"id\":\"https://example.org/assertions/1\",\"badge\":\"https://example.org/badges/é\"}";
    static final String JWS = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl";

    private final Baker baker = new Baker(BakingLimits.defaults());
    private final byte[] plain = PngFixtures.png(32, 24, false);

    @Test
    void bakesAndUnbakesOb2Assertion() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));

        assertThat(baker.unbake(baked)).isEqualTo(new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        assertThat(ImageFormat.sniff(baked)).contains(ImageFormat.PNG);
    }

    @Test
    void bakesAndUnbakesOb3Credential() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));

        assertThat(baker.unbake(baked)).isEqualTo(new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));
    }

    @Test
    void writesUncompressedItxtChunkRightAfterIhdr() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));

        List<byte[]> chunks = chunks(baked);
        assertThat(type(chunks.get(0))).isEqualTo("IHDR");
        // keyword, NUL, compression flag 0, method 0, empty language tag, empty translated keyword, text
        byte[] expected = itxt("openbadgecredential", JWS);
        assertThat(chunks.get(1)).isEqualTo(expected);
    }

    @Test
    void rebakingReplacesTheExistingChunk() throws BakingFailed {
        byte[] once = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        byte[] twice = baker.bake(once, new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null));

        assertThat(chunks(twice).stream().filter(c -> type(c).equals("iTXt")).count()).isEqualTo(1);
        assertThat(baker.unbake(twice).text()).isEqualTo(JWS);
    }

    @Test
    void rebakingReplacesABadgeChunkPlacedBeforeIend() throws BakingFailed {
        byte[] bakedElsewhere = withChunksBeforeEnd(plain, itxt("openbadgecredential", "old"));

        byte[] rebaked = baker.bake(bakedElsewhere, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));

        assertThat(baker.unbake(rebaked).text()).isEqualTo(JWS);
        assertThat(new String(rebaked, StandardCharsets.ISO_8859_1)).doesNotContain("old");
    }

    @Test
    void keepsEveryOtherChunkByteForByte() throws BakingFailed {
        byte[] comment = PngFixtures.text("Comment", "drawn by hand");
        byte[] time = chunk("tIME", new byte[] {7, (byte) 0xea, 11, 22, 10, 30, 0});
        byte[] source = withChunksBeforeEnd(plain, comment, time, itxt("openbadges", "old"));

        byte[] baked = baker.bake(source, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));

        List<byte[]> before = chunks(source).stream().filter(c -> !isBadge(c)).toList();
        List<byte[]> after = chunks(baked).stream().filter(c -> !isBadge(c)).toList();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
        }
        assertThat(Arrays.copyOf(baked, 8)).isEqualTo(Sniffing.PNG_SIGNATURE);
    }

    @Test
    void refusesToBakeOb3IntoAnImageCarryingAnOb2Assertion() throws BakingFailed {
        byte[] ob2 = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));

        assertFails(() -> baker.bake(ob2, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null)),
                Reason.OTHER_KIND_PRESENT);
    }

    @Test
    @HostileInput("B5")
    void readsLegacyTextChunkHoldingTheAssertionUrl() throws BakingFailed {
        byte[] legacy = withChunksBeforeEnd(plain, PngFixtures.text("openbadges", "https://example.org/a/1"));

        assertThat(baker.unbake(legacy))
                .isEqualTo(new BakedPayload(PayloadKind.OB2_ASSERTION, "https://example.org/a/1", null));
    }

    @Test
    void readsItxtWithLanguageTagAndTranslatedKeyword() throws BakingFailed {
        byte[] data = ("openbadges\0\0\0fr\0badges ouverts\0" + ASSERTION).getBytes(StandardCharsets.UTF_8);
        byte[] png = withChunksBeforeEnd(plain, chunk("iTXt", data));

        assertThat(baker.unbake(png).text()).isEqualTo(ASSERTION);
    }

    @Test
    void ignoresOtherTextChunks() {
        byte[] png = withChunksBeforeEnd(plain, itxt("openbadgesx", ASSERTION), PngFixtures.text("Comment", "x"));

        assertFails(() -> baker.unbake(png), Reason.NO_BADGE);
    }

    @Test
    void reportsAnImageWithoutBadge() {
        assertFails(() -> baker.unbake(plain), Reason.NO_BADGE);
    }

    @Test
    @HostileInput("B3")
    void rejectsBadChecksumInTheBadgeChunk() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        baked[33 + 8 + 20] ^= 0x01; // a byte of the text of the chunk right after IHDR

        BakingFailed failed = assertFails(() -> baker.unbake(baked), Reason.BAD_CHECKSUM);
        assertThat(failed.args()).containsExactly("iTXt");
    }

    @Test
    @HostileInput("B3")
    void rejectsBadChecksumInAnotherMetadataChunk() throws BakingFailed {
        byte[] baked = baker.bake(withChunksBeforeEnd(plain, PngFixtures.text("Comment", "hello")),
                new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        int at = indexOf(baked, "hello");
        baked[at] = 'j';

        assertFails(() -> baker.unbake(baked), Reason.BAD_CHECKSUM);
        assertFails(() -> baker.bake(baked, new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)),
                Reason.BAD_CHECKSUM);
    }

    @Test
    @HostileInput("B3")
    void rejectsTruncatedFilesWhereverTheyAreCut() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));

        for (int length : new int[] {8, 9, 20, 33, 40, 33 + 12 + 30, baked.length - 12, baked.length - 1}) {
            byte[] cut = Arrays.copyOf(baked, length);
            assertFails(() -> baker.unbake(cut), Reason.TRUNCATED);
        }
        assertFails(() -> baker.unbake(Arrays.copyOf(baked, 5)), Reason.TRUNCATED);
    }

    @Test
    @HostileInput("B3")
    void rejectsChunkLengthBeyondTheFile() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        PngFixtures.writeInt(baked, 33, 0x7fff_fff0);

        assertFails(() -> baker.unbake(baked), Reason.TRUNCATED);
        PngFixtures.writeInt(baked, 33, -5);
        assertFails(() -> baker.unbake(baked), Reason.MALFORMED_PNG);
    }

    @Test
    void rejectsPngNotStartingWithIhdr() {
        List<byte[]> chunks = new java.util.ArrayList<>(chunks(plain));
        chunks.add(0, itxt("openbadges", ASSERTION));

        assertFails(() -> baker.unbake(assemble(chunks)), Reason.MALFORMED_PNG);
    }

    @Test
    void rejectsInvalidChunkType() {
        byte[] png = withChunksBeforeEnd(plain, chunk("a1b2", new byte[3]), itxt("openbadges", ASSERTION));

        assertFails(() -> baker.unbake(png), Reason.MALFORMED_PNG);
    }

    @Test
    void rejectsDamagedSignature() {
        byte[] damaged = plain.clone();
        damaged[4] = '\n'; // CRLF rewritten by a text-mode transfer

        assertFails(() -> baker.unbake(damaged), Reason.MALFORMED_PNG);
    }

    @Test
    @HostileInput("B2")
    void rejectsCompressedItxtWithoutInflatingIt() {
        // 10 MB of zeros deflate to about 10 KB: inflating it would be the zip bomb the spec rule prevents.
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[10 * 1024 * 1024]);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] png = withChunksBeforeEnd(plain, itxt("openbadges", 1, compressed.toByteArray()));

        assertFails(() -> baker.unbake(png), Reason.COMPRESSED_PAYLOAD);
    }

    @Test
    @HostileInput("B2")
    void rejectsZtxtWithTheBadgeKeyword() {
        byte[] png = withChunksBeforeEnd(plain,
                chunk("zTXt", "openbadgecredential\0\0xyz".getBytes(StandardCharsets.ISO_8859_1)));

        assertFails(() -> baker.unbake(png), Reason.COMPRESSED_PAYLOAD);
    }

    @Test
    @HostileInput("B2")
    void rejectsUnknownCompressionFlag() {
        byte[] png = withChunksBeforeEnd(plain, itxt("openbadges", 7, ASSERTION.getBytes(StandardCharsets.UTF_8)));

        assertFails(() -> baker.unbake(png), Reason.MALFORMED_PNG);
    }

    @Test
    @HostileInput("B1")
    void rejectsTwoBadgeChunksAsAmbiguous() {
        byte[] twoOb2 = withChunksBeforeEnd(plain, itxt("openbadges", ASSERTION), itxt("openbadges", JWS));
        byte[] ob2AndOb3 = withChunksBeforeEnd(plain, itxt("openbadges", ASSERTION), itxt("openbadgecredential", JWS));
        byte[] itxtAndLegacy = withChunksBeforeEnd(plain, PngFixtures.text("openbadges", "https://example.org/a"),
                itxt("openbadges", ASSERTION));

        assertFails(() -> baker.unbake(twoOb2), Reason.AMBIGUOUS);
        assertFails(() -> baker.unbake(ob2AndOb3), Reason.AMBIGUOUS);
        assertFails(() -> baker.unbake(itxtAndLegacy), Reason.AMBIGUOUS);
    }

    @Test
    void rejectsInvalidUtf8Text() {
        byte[] png = withChunksBeforeEnd(plain, itxt("openbadges", 0, new byte[] {'{', (byte) 0xc3, '}'}));

        assertFails(() -> baker.unbake(png), Reason.INVALID_PAYLOAD);
    }

    @Test
    void rejectsEmptyBadgeText() {
        assertFails(() -> baker.unbake(withChunksBeforeEnd(plain, itxt("openbadges", " "))), Reason.INVALID_PAYLOAD);
        assertFails(() -> baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, "", null)),
                Reason.INVALID_PAYLOAD);
    }

    @Test
    void refusesToBakeTextThatCannotBeWrittenFaithfully() {
        assertFails(() -> baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, "{\"a\":\"\0\"}", null)),
                Reason.INVALID_PAYLOAD);
        assertFails(() -> baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, "{\"a\":\"\ud800\"}", null)),
                Reason.INVALID_PAYLOAD);
    }

    @Test
    @HostileInput("B7")
    void namesJpegRenamedAsPng() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

        BakingFailed failed = assertFails(() -> baker.unbake(jpeg), Reason.OTHER_FORMAT);
        assertThat(failed.args()).containsExactly("JPEG");
        assertThat(CheckMessages.render(failed.messageKey(), failed.args(), Locale.ENGLISH))
                .isEqualTo("This is a JPEG file, not a PNG or SVG image: it cannot hold a badge.");
        assertThat(CheckMessages.render(failed.messageKey(), failed.args(), Locale.FRENCH))
                .startsWith("Ce fichier est au format JPEG, pas une image PNG ou SVG");
    }

    @Test
    @HostileInput("B7")
    void namesPdfRenamedAsPng() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

        BakingFailed failed = assertFails(() -> baker.unbake(pdf), Reason.OTHER_FORMAT);
        assertThat(failed.args()).containsExactly("PDF");
    }

    @Test
    void rejectsUnknownContent() {
        assertFails(() -> baker.unbake("hello".getBytes(StandardCharsets.US_ASCII)), Reason.UNKNOWN_FORMAT);
    }

    @Test
    @HostileInput("B3")
    void rejectsEmptyFile() {
        assertFails(() -> baker.unbake(new byte[0]), Reason.EMPTY_FILE);
        assertFails(() -> baker.bake(new byte[0], new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)),
                Reason.EMPTY_FILE);
    }

    @Test
    void rejectsImageOverTheSizeLimit() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        Baker strict = new Baker(new BakingLimits(baked.length - 1, 1024));

        BakingFailed failed = assertFails(() -> strict.unbake(baked), Reason.IMAGE_TOO_LARGE);
        assertThat(failed.args()).containsExactly(baked.length - 1);
        assertFails(() -> strict.bake(baked, new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)),
                Reason.IMAGE_TOO_LARGE);
    }

    @Test
    void rejectsPayloadOverTheSizeLimit() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        Baker strict = new Baker(new BakingLimits(1024 * 1024, ASSERTION.length() - 1));

        assertFails(() -> strict.unbake(baked), Reason.PAYLOAD_TOO_LARGE);
        assertFails(() -> strict.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null)),
                Reason.PAYLOAD_TOO_LARGE);
    }

    @Test
    @HostileInput("B3")
    void readsBadgeFromPngClaimingHugeDimensionsWithoutDecodingIt() throws BakingFailed {
        // IHDR of a 50,000 x 50,000 RGBA image with a one-byte (invalid) IDAT: decoding would fail or explode.
        byte[] ihdr = new byte[13];
        PngFixtures.writeInt(ihdr, 0, 50_000);
        PngFixtures.writeInt(ihdr, 4, 50_000);
        ihdr[8] = 8;
        ihdr[9] = 6;
        byte[] png = assemble(List.of(chunk("IHDR", ihdr), chunk("IDAT", new byte[] {1}), chunk("IEND", new byte[0])));

        byte[] baked = baker.bake(png, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));

        assertThat(baker.unbake(baked).text()).isEqualTo(JWS);
    }

    @Test
    void ignoresAndDropsBytesAfterIend() throws BakingFailed {
        byte[] baked = baker.bake(plain, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null));
        byte[] trailing = Arrays.copyOf(baked, baked.length + 4);

        assertThat(baker.unbake(trailing).text()).isEqualTo(ASSERTION);
        assertThat(baker.bake(trailing, new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, null)))
                .isEqualTo(baked);
    }

    @Test
    void bakesLargeNoisyImage() throws BakingFailed {
        byte[] large = PngFixtures.png(200, 100, true);

        byte[] baked = baker.bake(large, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));

        assertThat(baked.length).isEqualTo(large.length + 12 + "openbadgecredential".length() + 5 + JWS.length());
        assertThat(baker.unbake(baked).text()).isEqualTo(JWS);
        assertThat(readInt(baked, 8)).isEqualTo(13);
    }

    private static boolean isBadge(byte[] chunk) {
        String text = new String(chunk, 8, Math.min(chunk.length - 8, 20), StandardCharsets.ISO_8859_1);
        return text.startsWith("openbadges\0") || text.startsWith("openbadgecredential\0");
    }

    private static int indexOf(byte[] haystack, String needle) {
        String s = new String(haystack, StandardCharsets.ISO_8859_1);
        return s.indexOf(needle);
    }

    interface Action {
        void run() throws BakingFailed;
    }

    static BakingFailed assertFails(Action action, Reason reason) {
        try {
            action.run();
        } catch (BakingFailed failed) {
            assertThat(failed.reason()).isEqualTo(reason);
            return failed;
        }
        throw new AssertionError("expected BakingFailed " + reason);
    }
}
