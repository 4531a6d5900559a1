package org.insigne.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.insigne.core.baking.BakedPayload;
import org.insigne.core.baking.Baker;
import org.insigne.core.baking.BakingLimits;
import org.insigne.core.baking.PayloadKind;
import org.insigne.core.verification.CheckMessages;
import org.insigne.core.fetch.FetchPolicy;
import org.insigne.core.fetch.HttpDocumentFetcher;
import org.insigne.core.verification.CheckStatus;
import org.insigne.core.verification.Spec;
import org.insigne.core.verification.Verdict;
import org.insigne.core.verification.VerificationReport;
import org.insigne.core.verification.VerificationRequest;
import org.insigne.core.verification.Verifier;
import org.insigne.testing.HostileInput;
import org.insigne.testing.InternalServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** Bakes issued assertions into PNG and SVG images and verifies the images through {@link Verifier}. */
class Ob2BakedRoundTripTests {

    private static final Baker BAKER = new Baker(BakingLimits.defaults());
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<rect width=\"10\" height=\"10\" fill=\"#336\"/></svg>";

    private static java.security.KeyPair rsa;
    private static byte[] png;

    @BeforeAll
    static void setUp() throws Exception {
        rsa = Ob2Fixture.rsa();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        png = out.toByteArray();
    }

    private static VerificationReport verify(Ob2Fixture fixture, byte[] image) {
        return new Verifier(fixture.fetcher(), BAKER, Ob2Fixture.CLOCK)
                .verify(VerificationRequest.ofFile(image).withRecipient(Ob2Fixture.EMAIL));
    }

    private static void assertValid(VerificationReport report) {
        assertThat(report.spec()).isEqualTo(Spec.OB2);
        assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isEqualTo(Verdict.VALID);
        assertThat(report.check("ob2.recipient")).hasValueSatisfying(
                c -> assertThat(c.status()).isEqualTo(CheckStatus.PASSED));
    }

    @Test
    void bakesSignedAssertionIntoPngAndVerifiesIt() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String jws = fixture.signed();
        byte[] baked = BAKER.bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION, jws, null));

        assertThat(BAKER.unbake(baked).text()).isEqualTo(jws);
        assertValid(verify(fixture, baked));
    }

    @Test
    void bakesHostedAssertionIntoPngAndVerifiesIt() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        byte[] baked = BAKER.bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION, fixture.hosted(), null));

        VerificationReport report = verify(fixture, baked);

        assertValid(report);
        assertThat(report.check("ob2.hosted-copy").orElseThrow().messageKey()).isEqualTo("ob2.hosted-copy.same");
    }

    @Test
    void bakesSignedAssertionIntoSvgAndVerifiesIt() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        String jws = fixture.signed();
        byte[] baked = BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8),
                new BakedPayload(PayloadKind.OB2_ASSERTION, jws, jws));

        assertThat(BAKER.unbake(baked).verifyAttribute()).isEqualTo(jws);
        assertValid(verify(fixture, baked));
    }

    @Test
    void bakesHostedAssertionIntoSvgAndVerifiesIt() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        byte[] baked = BAKER.bake(SVG.getBytes(StandardCharsets.UTF_8), new BakedPayload(PayloadKind.OB2_ASSERTION,
                fixture.hosted(), Ob2Fixture.HOSTED.toString()));

        assertValid(verify(fixture, baked));
    }

    @Test
    void verifiesTheHostedCopyWhenTheBakedCopyDiffers() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        ObjectNode edited = (ObjectNode) Ob2Json.parse(fixture.hosted());
        edited.put("narrative", "Meilleur de la promotion");
        byte[] baked = BAKER.bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION,
                new String(Ob2Writer.write(edited), StandardCharsets.UTF_8), null));

        VerificationReport report = verify(fixture, baked);

        // The issuer's copy is what counts (ob_v2p0 "Hosted verification"): the image is only outdated.
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        var copy = report.check("ob2.hosted-copy").orElseThrow();
        assertThat(copy.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(copy.messageKey()).isEqualTo("ob2.hosted-copy.outdated");
        assertThat(CheckMessages.render(copy, Locale.FRENCH)).contains("périmée").doesNotContain("modifié");
        assertThat(CheckMessages.render(copy, Locale.ENGLISH)).contains("outdated");
    }

    @Test
    @HostileInput("B5")
    void followsTheUrlOfALegacyTextChunk() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.hosted();

        VerificationReport report = verify(fixture, withTextChunk(png, "openbadges", Ob2Fixture.HOSTED.toString()));

        assertValid(report);
        assertThat(report.check("ob2.parse").orElseThrow().messageKey()).isEqualTo("ob2.parse.url");
    }

    @Test
    @HostileInput({"B5", "F1"})
    void refusesAnImageWhoseUrlPointsInsideTheNetworkWithoutConnecting() throws Exception {
        try (InternalServer internal = InternalServer.start()) {
            Verifier guarded = new Verifier(new HttpDocumentFetcher(FetchPolicy.defaults()), BAKER, Ob2Fixture.CLOCK);
            String local = "http://127.0.0.1:" + internal.port() + "/assertion.json";
            String svg = SVG.replace("<svg xmlns=\"http://www.w3.org/2000/svg\"",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"")
                    .replace("height=\"10\">", "height=\"10\"><openbadges:assertion verify=\"" + local + "\"/>");
            for (byte[] image : new byte[][] {withTextChunk(png, "openbadges", local),
                    withTextChunk(png, "openbadges", "http://169.254.169.254/latest/meta-data/"),
                    withTextChunk(png, "openbadges", "file:///etc/passwd"), svg.getBytes(StandardCharsets.UTF_8)}) {
                VerificationReport report = guarded.verify(VerificationRequest.ofFile(image));

                assertThat(report.verdict()).as(Ob2ConformanceTests.describe(report)).isNotEqualTo(Verdict.VALID);
            }
            assertThat(internal.hits()).isZero();
        }
    }

    @Test
    @HostileInput("B5")
    void followsTheVerifyUrlOfAnSvgWithoutBody() {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        fixture.hosted();
        String svg = SVG.replace("<svg xmlns=\"http://www.w3.org/2000/svg\"",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"")
                .replace("height=\"10\">", "height=\"10\"><openbadges:assertion verify=\""
                        + Ob2Fixture.HOSTED + "\"/>");

        assertValid(verify(fixture, svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @HostileInput("B4")
    void findsNoBadgeInAnImageCarryingEmptyJson() throws Exception {
        Ob2Fixture fixture = new Ob2Fixture(rsa);
        byte[] baked = BAKER.bake(png, new BakedPayload(PayloadKind.OB2_ASSERTION, "{}", null));

        VerificationReport report = verify(fixture, baked);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.check("ob2.parse").orElseThrow().messageKey()).isEqualTo("ob2.parse.not-a-badge");
    }

    @Test
    void findsNoBadgeInAPlainImage() {
        VerificationReport report = verify(new Ob2Fixture(rsa), png);

        assertThat(report.spec()).isEqualTo(Spec.UNKNOWN);
        assertThat(report.check("input.unrecognised")).isPresent();
    }

    /** A PNG with a Latin-1 tEXt chunk right after IHDR, as pre-1.0 bakers wrote the assertion URL. */
    private static byte[] withTextChunk(byte[] image, String keyword, String text) {
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 12 + 13;
        ByteBuffer out = ByteBuffer.allocate(image.length + chunk.capacity());
        out.put(image, 0, afterIhdr).put(chunk.array()).put(image, afterIhdr, image.length - afterIhdr);
        return out.array();
    }
}
