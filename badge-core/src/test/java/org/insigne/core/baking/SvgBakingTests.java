package org.insigne.core.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.insigne.core.baking.PngBakingTests.ASSERTION;
import static org.insigne.core.baking.PngBakingTests.JWS;
import static org.insigne.core.baking.PngBakingTests.assertFails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.insigne.core.baking.BakingFailed.Reason;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvgBakingTests {

    static final String SVG = """
            <?xml version="1.0" encoding="UTF-8"?>\r
            <!-- drawn by hand -->\r
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" data-note='a > b'>\r
              <title>Badge &amp; co</title>\r
              <circle cx="5" cy="5" r="4"/>\r
            </svg>\r
            """;
    static final String CREDENTIAL = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
            + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"name\":\"Soudure ]]> niveau 1\"}";

    private final Baker baker = new Baker(BakingLimits.defaults());

    @Test
    void bakesHostedOb2AssertionWithUrlAndJsonBody() throws BakingFailed {
        BakedPayload payload = new BakedPayload(PayloadKind.OB2_ASSERTION, ASSERTION, "https://example.org/a/1");

        String baked = text(baker.bake(bytes(SVG), payload));

        assertThat(baked).contains("<svg xmlns:openbadges=\"http://openbadges.org\" xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(baked).contains("data-note='a > b'><openbadges:assertion verify=\"https://example.org/a/1\">"
                + "<![CDATA[" + ASSERTION + "]]></openbadges:assertion>\r\n  <title>");
        assertThat(baker.unbake(bytes(baked))).isEqualTo(payload);
    }

    @Test
    void bakesSignedOb2AssertionAsVerifyAttributeOnAnEmptyElement() throws BakingFailed {
        String baked = text(baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)));

        assertThat(baked).contains("<openbadges:assertion verify=\"" + JWS + "\"/>");
        assertThat(baker.unbake(bytes(baked))).isEqualTo(new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, JWS));
    }

    @Test
    void bakesOb3CredentialWithEmbeddedProofAsCdata() throws BakingFailed {
        BakedPayload payload = new BakedPayload(PayloadKind.OB3_CREDENTIAL, CREDENTIAL, null);

        String baked = text(baker.bake(bytes(SVG), payload));

        assertThat(baked).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"");
        // "]]>" inside the JSON is split across two CDATA sections and comes back whole.
        assertThat(baked).contains("Soudure ]]]]><![CDATA[> niveau 1");
        assertThat(baker.unbake(bytes(baked))).isEqualTo(payload);
    }

    @Test
    void bakesOb3VcJwtAsVerifyAttribute() throws BakingFailed {
        byte[] baked = baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, JWS));

        assertThat(text(baked)).contains("<openbadges:credential verify=\"" + JWS + "\"/>");
        assertThat(baker.unbake(baked)).isEqualTo(new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, JWS));
    }

    @Test
    void keepsTheRestOfTheDocumentAsWritten() throws BakingFailed {
        String baked = text(baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)));

        String rootTag = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" data-note='a > b'>";
        int rootAt = SVG.indexOf(rootTag);
        assertThat(baked).startsWith(SVG.substring(0, rootAt));
        assertThat(baked).endsWith(SVG.substring(rootAt + rootTag.length()));
    }

    @Test
    void rebakingReplacesTheExistingElement() throws BakingFailed {
        byte[] once = baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB3_CREDENTIAL, CREDENTIAL, null));
        byte[] twice = baker.bake(once, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null));

        String baked = text(twice);
        assertThat(baked.split("<openbadges:credential", -1)).hasSize(2);
        assertThat(baked.split("xmlns:openbadges=", -1)).hasSize(2);
        assertThat(baker.unbake(twice).text()).isEqualTo(JWS);
        assertThat(baked).doesNotContain("Soudure");
    }

    @Test
    void replacesAnElementPlacedFurtherDownWithAnotherPrefix() throws BakingFailed {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:ob=\"http://openbadges.org\"><g><rect/></g>"
                + "<g><ob:assertion verify=\"https://example.org/old\"><![CDATA[{\"old\":1}]]></ob:assertion></g></svg>";

        String baked = text(baker.bake(bytes(svg), new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)));

        assertThat(baked).doesNotContain("old\"").contains("<g></g></svg>").contains("<g><rect/></g>");
        assertThat(baker.unbake(bytes(baked)).text()).isEqualTo(JWS);
    }

    @Test
    void bakesIntoASelfClosingRoot() throws BakingFailed {
        byte[] baked = baker.bake(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null));

        assertThat(text(baked)).isEqualTo("<svg xmlns:openbadges=\"http://openbadges.org\" "
                + "xmlns=\"http://www.w3.org/2000/svg\"><openbadges:assertion verify=\"" + JWS
                + "\"/></svg>");
        assertThat(baker.unbake(baked).text()).isEqualTo(JWS);
    }

    @Test
    void escapesTheVerifyAttribute() throws BakingFailed {
        String url = "https://example.org/a?x=1&y=\"2\"";
        byte[] baked = baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB2_ASSERTION, url, null));

        assertThat(text(baked)).contains("verify=\"https://example.org/a?x=1&amp;y=&quot;2&quot;\"");
        assertThat(baker.unbake(baked)).isEqualTo(new BakedPayload(PayloadKind.OB2_ASSERTION, url, url));
    }

    @Test
    void refusesAVerifyAttributeThatContradictsTheToken() {
        assertFails(() -> baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, "other")),
                Reason.INVALID_PAYLOAD);
    }

    @Test
    void refusesToBakeOb3IntoAnImageCarryingAnOb2Assertion() throws BakingFailed {
        byte[] ob2 = baker.bake(bytes(SVG), new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null));

        assertFails(() -> baker.bake(ob2, new BakedPayload(PayloadKind.OB3_CREDENTIAL, JWS, null)),
                Reason.OTHER_KIND_PRESENT);
    }

    @Test
    void readsTheStandardSvgDoctypeWithoutLoadingIt() throws BakingFailed {
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://127.0.0.1:9/never.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential verify=\"" + JWS
                + "\"/></svg>";

        assertThat(baker.unbake(bytes(svg)).text()).isEqualTo(JWS);
        byte[] rebaked = baker.bake(bytes(svg), new BakedPayload(PayloadKind.OB3_CREDENTIAL, CREDENTIAL, null));
        assertThat(text(rebaked)).contains("<!DOCTYPE svg PUBLIC").doesNotContain(JWS);
    }

    @Test
    @HostileInput("B6")
    void rejectsBillionLaughsWithoutExpandingIt() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE svg [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String svg = "<?xml version=\"1.0\"?>" + dtd + "]><svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<openbadges:assertion xmlns:openbadges=\"http://openbadges.org\">&lol9;</openbadges:assertion>"
                + "</svg>";

        assertFails(() -> baker.unbake(bytes(svg)), Reason.UNSAFE_XML);
        assertFails(() -> baker.bake(bytes(svg), new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)),
                Reason.UNSAFE_XML);
    }

    @Test
    @HostileInput("B6")
    void rejectsExternalEntityWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        String svg = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:assertion xmlns:openbadges="
                + "\"http://openbadges.org\" verify=\"https://example.org/a\">&xxe;</openbadges:assertion></svg>";

        assertFails(() -> baker.unbake(bytes(svg)), Reason.UNSAFE_XML);
    }

    @Test
    @HostileInput("B6")
    void neverLoadsAnExternalDtd(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY xxe \"injected\">");
        String svg = "<?xml version=\"1.0\"?><!DOCTYPE svg SYSTEM \"" + dtd.toUri() + "\">"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:assertion xmlns:openbadges="
                + "\"http://openbadges.org\" verify=\"https://example.org/a\">&xxe;</openbadges:assertion></svg>";

        // Had the DTD been read, the entity would be declared and expand to "injected".
        assertFails(() -> baker.unbake(bytes(svg)), Reason.MALFORMED_SVG);
    }

    @Test
    @HostileInput("B1")
    void rejectsTwoBadgeElementsAsAmbiguous() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">"
                + "<openbadges:assertion verify=\"" + JWS + "\"/><openbadges:assertion verify=\"x.y.z\"/></svg>";
        String mixed = "<svg xmlns=\"http://www.w3.org/2000/svg\"><ob2:assertion xmlns:ob2=\"http://openbadges.org\""
                + " verify=\"a.b.c\"/><ob3:credential xmlns:ob3=\"https://purl.imsglobal.org/ob/v3p0\" verify=\"d.e.f\"/>"
                + "</svg>";

        assertFails(() -> baker.unbake(bytes(svg)), Reason.AMBIGUOUS);
        assertFails(() -> baker.unbake(bytes(mixed)), Reason.AMBIGUOUS);
    }

    @Test
    void ignoresElementsOfOtherNamespaces() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://example.org/ns\">"
                + "<openbadges:assertion verify=\"" + JWS + "\"/></svg>";

        assertFails(() -> baker.unbake(bytes(svg)), Reason.NO_BADGE);
    }

    @Test
    void reportsAnEmptyBadgeElement() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">"
                + "<openbadges:assertion><![CDATA[  ]]></openbadges:assertion></svg>";

        assertFails(() -> baker.unbake(bytes(svg)), Reason.INVALID_PAYLOAD);
    }

    @Test
    void reportsAnSvgWithoutBadge() {
        assertFails(() -> baker.unbake(bytes(SVG)), Reason.NO_BADGE);
    }

    @Test
    void rejectsMalformedSvg() {
        assertFails(() -> baker.unbake(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>")),
                Reason.MALFORMED_SVG);
        assertFails(() -> baker.unbake(bytes("<svg>&nbsp;</svg>")), Reason.MALFORMED_SVG);
    }

    @Test
    void rejectsXmlWhoseRootIsNotSvg() {
        assertFails(() -> baker.unbake(bytes("<?xml version=\"1.0\"?><html><svg/></html>")), Reason.UNKNOWN_FORMAT);
    }

    @Test
    void rejectsOversizedBody() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">"
                + "<openbadges:assertion><![CDATA[" + "x".repeat(2000) + "]]></openbadges:assertion></svg>";

        assertFails(() -> new Baker(new BakingLimits(100_000, 1000)).unbake(bytes(svg)), Reason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void readsButDoesNotEditNonUtf8Svg() throws BakingFailed {
        String svg = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:openbadges=\"http://openbadges.org\"><title>Été</title>"
                + "<openbadges:assertion verify=\"" + JWS + "\"/></svg>";
        byte[] latin1 = svg.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(baker.unbake(latin1).text()).isEqualTo(JWS);
        BakingFailed failed = assertFails(() -> baker.bake(latin1,
                new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null)), Reason.UNSUPPORTED_ENCODING);
        assertThat(failed.args()).containsExactly("ISO-8859-1");
    }

    @Test
    void keepsAByteOrderMark() throws BakingFailed {
        byte[] svg = bytes("\uFEFF<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>");

        byte[] baked = baker.bake(svg, new BakedPayload(PayloadKind.OB2_ASSERTION, JWS, null));

        assertThat(baked[0] & 0xff).isEqualTo(0xef);
        assertThat(baker.unbake(baked).text()).isEqualTo(JWS);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
