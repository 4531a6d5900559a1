package org.insigne.issuer.application;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceChecksTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
    static final ApplicationSettings SETTINGS = new ApplicationSettings("", "", true, 2, 1, null, null, null);

    @Test
    void recognisesFilesByTheirFirstBytesOnly() {
        assertThat(EvidenceChecks.mediaType(PDF)).isEqualTo("application/pdf");
        assertThat(EvidenceChecks.mediaType(PNG)).isEqualTo("image/png");
        assertThat(EvidenceChecks.mediaType(JPEG)).isEqualTo("image/jpeg");
        assertThat(EvidenceChecks.mediaType("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(EvidenceChecks.mediaType(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(EvidenceChecks.mediaType(new byte[0])).isNull();
    }

    @Test
    void refusesHtmlNamedPdfAndPdfsWithScripts() {
        assertThatThrownBy(() -> check(file("cv.pdf", "<html><script>1</script></html>".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("error.application.file-type");
        byte[] scripted = "%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> check(file("lettre.pdf", scripted))).hasMessage("error.application.file-active");
    }

    @Test
    void refusesTooManyOrTooLargeFilesAndLinksThatAreNotWebAddresses() {
        byte[] large = new byte[1024 * 1024 + 1];
        System.arraycopy(PNG, 0, large, 0, PNG.length);
        assertThatThrownBy(() -> check(file("photo.png", large))).hasMessage("error.application.file-too-large");
        assertThatThrownBy(() -> EvidenceChecks.evidence(new Submission("Récit", List.of(),
                List.of(file("a.pdf", PDF), file("b.pdf", PDF), file("c.pdf", PDF)), true, null), SETTINGS, 0, 0))
                .hasMessage("error.application.too-many-files");
        for (String url : List.of("javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "ftp://x.org/a",
                "https://user:pw@example.org/")) {
            assertThatThrownBy(() -> EvidenceChecks.evidence(new Submission("Récit",
                    List.of(new Submission.LinkInput(url, true)), List.of(), true, null), SETTINGS, 0, 0))
                    .as(url).hasMessage("error.application.link-invalid");
        }
    }

    @Test
    void keepsFileNamesWithoutFoldersOrControlCharacters() {
        assertThat(EvidenceChecks.fileName("C:\\Users\\x\\lettre.pdf")).isEqualTo("lettre.pdf");
        assertThat(EvidenceChecks.fileName("../../etc/\"pass\nwd\".pdf")).isEqualTo("passwd.pdf");
        assertThat(EvidenceChecks.fileName("")).isEqualTo("fichier");
        EvidenceChecks.Checked checked = check(file("ok.pdf", PDF));
        assertThat(checked.files()).singleElement().satisfies(f -> {
            assertThat(f.evidence().mediaType()).isEqualTo("application/pdf");
            assertThat(f.evidence().isPublic()).isTrue();
        });
    }

    private static EvidenceChecks.Checked check(Submission.FileInput file) {
        return EvidenceChecks.evidence(new Submission("Récit", List.of(), List.of(file), true, null), SETTINGS, 0, 0);
    }

    private static Submission.FileInput file(String name, byte[] content) {
        return new Submission.FileInput(name, content, true);
    }
}
