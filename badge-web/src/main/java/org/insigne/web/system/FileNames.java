package org.insigne.web.system;

import java.text.Normalizer;
import java.util.Locale;

/** Names of the files the platform hands out, made from what people wrote (a badge's name). */
public final class FileNames {

    private FileNames() {
    }

    /**
     * A file name part anyone's system accepts: ASCII letters, digits and hyphens, at most 60 characters, from
     * {@code name} with its accents dropped; "badge" when nothing of it is left.
     */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
                        .replace("Æ", "ae"), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-$", "");
        }
        return ascii.isEmpty() ? "badge" : ascii;
    }
}
