package org.insigne.core.baking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageFormatTests {

    @Test
    void recognisesPngBySignature() {
        assertThat(ImageFormat.sniff(PngFixtures.png(2, 2, false))).contains(ImageFormat.PNG);
    }

    @Test
    void recognisesSvgAfterPrologCommentsAndDoctype() {
        String svg = "\uFEFF<?xml version=\"1.0\"?>\n<!-- <svg> in a comment -->\n"
                + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"svg11.dtd\" [ <!ENTITY a \">\"> ]>\n"
                + "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>";

        assertThat(ImageFormat.sniff(svg.getBytes(StandardCharsets.UTF_8))).contains(ImageFormat.SVG);
    }

    @Test
    void doesNotTakeOtherXmlForSvg() {
        assertThat(ImageFormat.sniff("<svgx/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.sniff("<html><svg/></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.sniff("<!-- unterminated".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})).isEmpty();
    }
}
