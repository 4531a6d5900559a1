package org.insigne.web.pdf;

import java.util.Objects;

/**
 * A file carried inside a PDF, as PDF/A-3 "associated files" do: listed in the document's embedded files and in
 * its {@code /AF} array, so a reader can take out exactly these bytes.
 *
 * @param relationship how the file relates to the document (ISO 32000-2 §14.13.2): {@code Source} for the
 *                     original the page was printed from, {@code Data} for data shown on it
 */
public record PdfAttachment(String fileName, String mediaType, String description, String relationship,
                            byte[] content) {

    public PdfAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(relationship, "relationship");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
