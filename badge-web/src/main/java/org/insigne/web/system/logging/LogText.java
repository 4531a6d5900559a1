package org.insigne.web.system.logging;

/**
 * Makes text safe to write inside one log line: every character that could end the line, hide what follows or
 * reorder it on screen becomes a visible escape. A reader of the log sees that such a character was there,
 * and no value from outside can start a line of its own.
 */
public final class LogText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogText() {
    }

    /**
     * CR, LF and tab as {@code \r}, {@code \n}, {@code \t}; the other C0 controls, DEL, the C1 controls (NEL among
     * them), the Unicode line and paragraph separators and the bidirectional controls as {@code \}{@code uXXXX}.
     * Everything else, accented letters included, is kept as it is.
     */
    public static String escape(String text) {
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscape(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) // C0, DEL and C1, NEL included
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                // Bidirectional controls (Unicode's "Trojan Source" set and the marks) can make a line read
                // differently from what it holds.
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
