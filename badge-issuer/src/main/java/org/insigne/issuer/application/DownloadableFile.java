package org.insigne.issuer.application;

/** An evidence file to send as a download: its name as given, its checked media type, its bytes. */
public record DownloadableFile(String fileName, String mediaType, byte[] content) {
}
