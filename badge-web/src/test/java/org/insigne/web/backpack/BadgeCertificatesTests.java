package org.insigne.web.backpack;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.insigne.testing.HostileInput;
import org.insigne.web.backpack.BadgeCertificates.EarnerName;
import org.insigne.web.system.FileNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeCertificatesTests {

    @Test
    void printsTheNameTheEarnerChose() {
        assertThat(BadgeCertificates.earner("  Camille Martin ", EarnerName.FULL)).isEqualTo("Camille Martin");
        assertThat(BadgeCertificates.earner("Jean-Luc de la Tour", EarnerName.INITIALS)).isEqualTo("J.-L. D. L. T.");
        assertThat(BadgeCertificates.earner("Élodie", EarnerName.INITIALS)).isEqualTo("É.");
        assertThat(BadgeCertificates.earner("Camille Martin", EarnerName.NONE)).isNull();
        assertThat(BadgeCertificates.earner("   ", EarnerName.FULL)).isNull();
    }

    @Test
    void takesAnUnknownChoiceAsTheFullName() {
        assertThat(EarnerName.of("initials")).isEqualTo(EarnerName.INITIALS);
        assertThat(EarnerName.of("NONE")).isEqualTo(EarnerName.NONE);
        assertThat(EarnerName.of("<script>")).isEqualTo(EarnerName.FULL);
        assertThat(EarnerName.of(null)).isEqualTo(EarnerName.FULL);
    }

    @Test
    void namesTheFileAfterTheBadgeInPlainAscii() {
        assertThat(FileNames.slug("Animation d'ateliers")).isEqualTo("animation-d-ateliers");
        assertThat(FileNames.slug("Œuvre à « 100 % » !")).isEqualTo("oeuvre-a-100");
        assertThat(FileNames.slug("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(FileNames.slug("日本語")).isEqualTo("badge");
        assertThat(FileNames.slug("a".repeat(200))).hasSize(60);
    }

    @Test
    @HostileInput("B3")
    void leavesOutAnImageClaimingHugeDimensionsWithoutDecodingIt() throws Exception {
        byte[] png = Files.readAllBytes(Path.of(getClass().getResource("/badge.png").toURI()));
        assertThat(BadgeCertificates.printable(png)).startsWith("data:image/png;base64,");

        byte[] huge = png.clone();
        ByteBuffer.wrap(huge, 16, 8).putInt(50_000).putInt(50_000);
        assertThat(BadgeCertificates.printable(huge)).isNull();
        assertThat(BadgeCertificates.printable(new byte[0])).isNull();
        assertThat(BadgeCertificates.printable("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isNull();
    }
}
