package org.insigne.issuer.cobuild;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The image a co-built badge gets when none is uploaded: the badge's name and level written on a shape and
 * colour the person chose. {@link #layout} is the one drawing, which {@link #svg} writes as SVG and the web
 * module paints as PNG for platforms that take no SVG, so that both show the same badge.
 */
public final class BadgeTemplate {

    public static final int SIZE = 400;
    static final int MAX_LINE = 16;
    static final int MAX_LINES = 4;

    /** Shapes, as SVG path data in a 400 × 400 box. */
    public enum Shape {
        CIRCLE("M200 10 A190 190 0 1 1 199.9 10 Z"),
        HEXAGON("M200 10 L364.5 105 L364.5 295 L200 390 L35.5 295 L35.5 105 Z"),
        SHIELD("M200 10 L370 60 L370 200 C370 300 290 360 200 390 C110 360 30 300 30 200 L30 60 Z");

        private final String path;

        Shape(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Colours dark enough for white text (contrast above 4.5:1, WCAG AA). */
    public enum Colour {
        BLUE(0x1d4ed8), GREEN(0x166534), PURPLE(0x6b21a8), RED(0x991b1b), ORANGE(0x9a3412);

        private final int rgb;

        Colour(int rgb) {
            this.rgb = rgb;
        }

        public int rgb() {
            return rgb;
        }

        public String hex() {
            return String.format(Locale.ROOT, "#%06x", rgb);
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One line of text to draw, centred on {@code x}, its baseline at {@code y}. */
    public record Line(String text, int y, int fontSize, boolean bold) {
    }

    /** What to draw: the shape in its colour, then the lines in white. */
    public record Layout(Shape shape, Colour colour, List<Line> lines) {
        public Layout {
            lines = List.copyOf(lines);
        }
    }

    private BadgeTemplate() {
    }

    /** The name cut into at most four lines at spaces (a longer name ends with "…"), the level below. */
    public static Layout layout(String name, String level, Shape shape, Colour colour) {
        List<String> words = wrap(name.strip());
        int fontSize = words.size() > 2 ? 30 : 36;
        int lineHeight = fontSize + 8;
        int top = 200 - (words.size() * lineHeight) / 2 + fontSize / 2 - 10;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            lines.add(new Line(words.get(i), top + i * lineHeight, fontSize, true));
        }
        lines.add(new Line(level.strip(), top + words.size() * lineHeight + 18, 24, false));
        return new Layout(shape, colour, lines);
    }

    /** The layout as an SVG document, its text escaped: what people typed never becomes markup. */
    public static byte[] svg(Layout layout) {
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\" width=\"400\" height=\"400\"")
                .append(" role=\"img\">");
        svg.append("<path d=\"").append(layout.shape().path()).append("\" fill=\"").append(layout.colour().hex())
                .append("\" stroke=\"#ffffff\" stroke-width=\"6\"/>");
        for (Line line : layout.lines()) {
            svg.append("<text x=\"200\" y=\"").append(line.y()).append("\" text-anchor=\"middle\"")
                    .append(" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"").append(line.fontSize())
                    .append("\" fill=\"#ffffff\"").append(line.bold() ? " font-weight=\"bold\"" : "").append('>')
                    .append(escape(line.text())).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String piece = word.length() > MAX_LINE ? word.substring(0, MAX_LINE - 1) + "…" : word;
            if (current.length() > 0 && current.length() + 1 + piece.length() > MAX_LINE) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        if (lines.size() > MAX_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
            String last = kept.get(MAX_LINES - 1);
            kept.set(MAX_LINES - 1, (last.length() >= MAX_LINE ? last.substring(0, MAX_LINE - 1) : last) + "…");
            return kept;
        }
        return lines;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                // Character references, never entities: the upload checks refuse entity references.
                case '<' -> out.append("&#60;");
                case '>' -> out.append("&#62;");
                case '&' -> out.append("&#38;");
                case '"' -> out.append("&#34;");
                default -> {
                    // XML 1.0 forbids most control characters: drop them rather than write a broken document.
                    if (c >= 0x20 || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
