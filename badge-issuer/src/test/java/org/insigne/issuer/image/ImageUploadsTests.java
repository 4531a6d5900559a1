package org.insigne.issuer.image;

import java.nio.charset.StandardCharsets;

import org.insigne.issuer.image.InvalidImage.Why;
import org.insigne.testing.HostileInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageUploadsTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " viewBox=\"0 0 10 10\"><defs><linearGradient id=\"g\"/></defs>"
            + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><use xlink:href=\"#g\"/></svg>";

    @Test
    void acceptsPngByItsSignature() {
        assertThat(ImageUploads.accept(PNG).mediaType()).isEqualTo("image/png");
    }

    @Test
    void acceptsAPlainSvgWithInDocumentLinks() {
        StoredImage image = ImageUploads.accept(("\uFEFF<?xml version=\"1.0\"?>\n".replace("\uFEFF", "") + SVG)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(image.mediaType()).isEqualTo("image/svg+xml");
        assertThat(new String(image.bytes(), StandardCharsets.UTF_8)).endsWith("</svg>");
    }

    @Test
    @HostileInput("B7")
    void rejectsJpegAndPdfWhateverTheirName() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};
        assertRefused(jpeg, Why.NOT_PNG_OR_SVG);
        assertRefused("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), Why.NOT_PNG_OR_SVG);
        assertRefused("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), Why.NOT_PNG_OR_SVG);
    }

    @Test
    void rejectsEmptyAndOversizedFiles() {
        assertRefused(new byte[0], Why.EMPTY);
        byte[] big = new byte[ImageUploads.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertRefused(big, Why.TOO_LARGE);
    }

    @Test
    @HostileInput("B6")
    void rejectsScriptsEventHandlersAndForeignObjects() {
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><SCRIPT>alert(1)</SCRIPT></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onClick=\"alert(1)\"/></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>");
    }

    @Test
    @HostileInput("B6")
    void rejectsScriptAndExternalLinks() {
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\">"
                + "<a x:href=\"java&#9;script:alert(1)\"><rect/></a></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example/p.png\"/></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://x.example/a.css);</style></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:url(https://x.example/f)\"/></svg>");
        assertSvgUnsafe("<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\" to=\"x\"/></a></svg>");
    }

    @Test
    @HostileInput("B6")
    void rejectsDoctypesEntitiesAndStylesheetInstructions() {
        assertSvgUnsafe("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&a;</text></svg>");
        assertSvgUnsafe("<!DOCTYPE svg SYSTEM \"http://example.org/evil.dtd\"><svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertSvgUnsafe("<?xml-stylesheet href=\"https://x.example/a.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    @Test
    void rejectsMalformedXmlAndOtherRoots() {
        assertRefused("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>".getBytes(StandardCharsets.UTF_8),
                Why.SVG_MALFORMED);
        assertRefused("<svg><rect/></svg>".getBytes(StandardCharsets.UTF_8), Why.NOT_PNG_OR_SVG);
        assertRefused("<svg xmlns=\"http://www.w3.org/2000/svg\">".repeat(500).getBytes(StandardCharsets.UTF_8),
                Why.SVG_MALFORMED);
    }

    private static void assertSvgUnsafe(String svg) {
        assertRefused(svg.getBytes(StandardCharsets.UTF_8), Why.SVG_UNSAFE);
    }

    private static void assertRefused(byte[] bytes, Why why) {
        assertThatThrownBy(() -> ImageUploads.accept(bytes))
                .isInstanceOfSatisfying(InvalidImage.class, e -> assertThat(e.why()).isEqualTo(why));
    }
}
