package org.insigne.web.application;

import java.nio.charset.StandardCharsets;

import org.insigne.issuer.application.DownloadableFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Evidence files leave only as downloads of their checked type, with {@code nosniff} and a sandbox, so that
 * whatever a file holds never runs as a page of this site.
 */
final class EvidenceDownloads {

    private EvidenceDownloads() {
    }

    static ResponseEntity<byte[]> of(DownloadableFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(file.content());
    }
}
