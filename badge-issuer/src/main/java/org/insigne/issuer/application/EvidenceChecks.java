package org.insigne.issuer.application;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.organisation.OrganisationProfile;

/**
 * Checks an applicant's narrative, links and files against a badge class's settings. A file's type is what
 * its first bytes say (PDF, PNG, JPEG), never its name or the browser's word; a PDF that carries scripts is
 * refused, since a reviewer opens it. HTML, SVG and anything else are refused, whatever they are called.
 */
final class EvidenceChecks {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final List<byte[]> PDF_ACTIVE = List.of("/JavaScript".getBytes(StandardCharsets.US_ASCII),
            "/JS".getBytes(StandardCharsets.US_ASCII), "/Launch".getBytes(StandardCharsets.US_ASCII));

    private EvidenceChecks() {
    }

    /** A file accepted, with its id (also its public name), checked type, and bytes. */
    record CheckedFile(Evidence evidence, byte[] content) {
    }

    record Checked(List<Evidence> links, List<CheckedFile> files) {
        List<Evidence> all() {
            List<Evidence> all = new ArrayList<>(links);
            files.forEach(f -> all.add(f.evidence()));
            return all;
        }
    }

    static void narrative(String narrative) {
        if (narrative.isEmpty()) {
            throw ApplicationRefused.invalid("narrative", "narrative-required");
        }
        if (narrative.length() > Submission.MAX_NARRATIVE) {
            throw ApplicationRefused.invalid("narrative", "narrative-too-long", Submission.MAX_NARRATIVE);
        }
    }

    /** Checks links and files; {@code filesAlready} counts those an earlier submission of the same application kept. */
    static Checked evidence(Submission submission, ApplicationSettings settings, int linksAlready, int filesAlready) {
        List<Evidence> links = new ArrayList<>();
        if (!submission.links().isEmpty() && !settings.linksAccepted()) {
            throw ApplicationRefused.invalid("links", "links-not-accepted");
        }
        if (linksAlready + submission.links().size() > Submission.MAX_LINKS) {
            throw ApplicationRefused.invalid("links", "too-many-links", Submission.MAX_LINKS);
        }
        for (Submission.LinkInput link : submission.links()) {
            String url = link.url().strip();
            if (url.length() > 500 || !OrganisationProfile.isWebAddress(url)) {
                throw ApplicationRefused.invalid("links", "link-invalid", abbreviated(url));
            }
            links.add(new Evidence(UUID.randomUUID(), url, null, null, 0, link.isPublic()));
        }
        if (filesAlready + submission.files().size() > settings.maxFiles()) {
            throw ApplicationRefused.invalid("files", "too-many-files", settings.maxFiles());
        }
        List<CheckedFile> files = new ArrayList<>();
        for (Submission.FileInput file : submission.files()) {
            files.add(file(file, settings, "files"));
        }
        return new Checked(links, files);
    }

    /** One file, by content and within the badge class's size; {@code field} names the form field refused. */
    static CheckedFile file(Submission.FileInput file, ApplicationSettings settings, String field) {
        String name = fileName(file.fileName());
        if (file.content().length > settings.maxFileMegabytes() * 1024L * 1024L) {
            throw ApplicationRefused.invalid(field, "file-too-large", name, settings.maxFileMegabytes());
        }
        if (file.content().length == 0) {
            throw ApplicationRefused.invalid(field, "file-empty", name);
        }
        String type = mediaType(file.content());
        if (type == null) {
            throw ApplicationRefused.invalid(field, "file-type", name);
        }
        if (type.equals(PDF) && containsAny(file.content(), PDF_ACTIVE)) {
            throw ApplicationRefused.invalid(field, "file-active", name);
        }
        return new CheckedFile(new Evidence(UUID.randomUUID(), null, name, type, file.content().length,
                file.isPublic()), file.content());
    }

    static @org.jspecify.annotations.Nullable String mediaType(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        return null;
    }

    /** The name without any folder, without control characters, shortened: it is shown and sent back as given. */
    static String fileName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "fichier";
        }
        return name.length() > Submission.MAX_FILE_NAME ? name.substring(0, Submission.MAX_FILE_NAME) : name;
    }

    private static String abbreviated(String url) {
        return url.length() > 80 ? url.substring(0, 80) + "…" : url;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean containsAny(byte[] content, List<byte[]> needles) {
        for (byte[] needle : needles) {
            outer:
            for (int i = 0; i + needle.length <= content.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (content[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
