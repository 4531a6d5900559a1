package org.insigne.core.baking;

import java.util.Optional;

/** Format detection from leading bytes; names common non-badge formats so that users get a clear message. */
final class Sniffing {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Sniffing() {
    }

    static boolean isPng(byte[] b) {
        return startsWith(b, 0, PNG_SIGNATURE);
    }

    /** A PNG whose signature was damaged, typically by a text-mode transfer rewriting line ends. */
    static boolean looksLikeDamagedPng(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    /**
     * True when the bytes are (UTF-8 or ASCII) XML whose first element is named {@code svg}, with or without a
     * prefix. Skips the XML declaration, comments, processing instructions and a DOCTYPE. This only decides the
     * format; the secure parser decides whether the document is acceptable.
     */
    static boolean isSvg(byte[] b) {
        int i = startsWith(b, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3 : 0;
        int n = b.length;
        while (true) {
            while (i < n && isXmlSpace(b[i])) {
                i++;
            }
            if (i >= n || b[i] != '<') {
                return false;
            }
            if (startsWith(b, i, "<?")) {
                i = indexOf(b, i + 2, "?>");
                if (i < 0) {
                    return false;
                }
                i += 2;
            } else if (startsWith(b, i, "<!--")) {
                i = indexOf(b, i + 4, "-->");
                if (i < 0) {
                    return false;
                }
                i += 3;
            } else if (startsWith(b, i, "<!")) {
                i = skipDeclaration(b, i + 2);
                if (i < 0) {
                    return false;
                }
            } else {
                int start = i + 1;
                int end = start;
                while (end < n && !isXmlSpace(b[end]) && b[end] != '>' && b[end] != '/') {
                    end++;
                }
                int local = start;
                for (int k = start; k < end; k++) {
                    if (b[k] == ':') {
                        local = k + 1;
                    }
                }
                return end - local == 3 && b[local] == 's' && b[local + 1] == 'v' && b[local + 2] == 'g';
            }
        }
    }

    /** Names a well-known format that cannot carry a badge, for the error message. */
    static Optional<String> otherFormat(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("JPEG");
        }
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return Optional.of("GIF");
        }
        if (startsWith(b, 0, "%PDF-")) {
            return Optional.of("PDF");
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
            return Optional.of("WebP");
        }
        if (startsWith(b, 0, "II*\0") || startsWith(b, 0, "MM\0*")) {
            return Optional.of("TIFF");
        }
        if (startsWith(b, 4, "ftypavif") || startsWith(b, 4, "ftypheic") || startsWith(b, 4, "ftypmif1")) {
            return Optional.of("HEIF/AVIF");
        }
        if (startsWith(b, 0, "BM") && b.length >= 14) {
            return Optional.of("BMP");
        }
        if (startsWith(b, 0, "PK\u0003\u0004")) {
            return Optional.of("ZIP");
        }
        return Optional.empty();
    }

    /** Skips {@code <!DOCTYPE ...>} (quotes and an internal subset in brackets included); returns the index after it. */
    private static int skipDeclaration(byte[] b, int i) {
        int depth = 0;
        byte quote = 0;
        for (; i < b.length; i++) {
            byte c = b[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isXmlSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at < 0 || b.length - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        if (at < 0 || b.length - at < ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[at + k] != (byte) ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, String ascii) {
        for (int i = from; i <= b.length - ascii.length(); i++) {
            if (startsWith(b, i, ascii)) {
                return i;
            }
        }
        return -1;
    }
}
