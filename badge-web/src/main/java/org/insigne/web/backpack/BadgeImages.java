package org.insigne.web.backpack;

import org.insigne.backpack.badge.BadgeImage;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves an uploaded badge image, the only images our badge pages show (never a remote one: hot-linking
 * would tell the issuer's server who looks at whose badge). An SVG is a document that could run script,
 * hence {@code sandbox}; {@code nosniff} keeps a browser from reading the bytes as anything else. Never
 * cached, since a badge made private again must stop showing.
 */
final class BadgeImages {

    private BadgeImages() {
    }

    static ResponseEntity<byte[]> serve(BadgeImage image) {
        return builder(image).body(image.bytes());
    }

    /** The image as a file to save, under {@code fileName}. */
    static ResponseEntity<byte[]> download(BadgeImage image, String fileName) {
        return builder(image).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString()).body(image.bytes());
    }

    private static ResponseEntity.BodyBuilder builder(BadgeImage image) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore());
        if (image.isSvg()) {
            response.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'");
        }
        return response;
    }
}
