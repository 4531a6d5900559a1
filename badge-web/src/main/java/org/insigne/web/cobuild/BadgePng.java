package org.insigne.web.cobuild;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.insigne.issuer.cobuild.BadgeTemplate;

/**
 * The template badge painted as PNG, for platforms that take no SVG: the same layout as the SVG, with the
 * DejaVu fonts the PDF certificates embed, so that the text looks the same on every server.
 */
final class BadgePng {

    private static final Font REGULAR = font("/pdf/fonts/DejaVuSans.ttf");
    private static final Font BOLD = font("/pdf/fonts/DejaVuSans-Bold.ttf");

    private BadgePng() {
    }

    static byte[] render(BadgeTemplate.Layout layout) {
        int size = BadgeTemplate.SIZE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            java.awt.Shape shape = shape(layout.shape());
            g.setColor(new Color(layout.colour().rgb()));
            g.fill(shape);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(6));
            g.draw(shape);
            for (BadgeTemplate.Line line : layout.lines()) {
                g.setFont((line.bold() ? BOLD : REGULAR).deriveFont((float) line.fontSize()));
                int width = g.getFontMetrics().stringWidth(line.text());
                g.drawString(line.text(), (size - width) / 2, line.y());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The shapes of {@link BadgeTemplate.Shape}'s SVG paths, drawn with Java 2D. */
    private static java.awt.Shape shape(BadgeTemplate.Shape shape) {
        return switch (shape) {
            case CIRCLE -> new Ellipse2D.Double(10, 10, 380, 380);
            case HEXAGON -> {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(200, 10);
                path.lineTo(364.5, 105);
                path.lineTo(364.5, 295);
                path.lineTo(200, 390);
                path.lineTo(35.5, 295);
                path.lineTo(35.5, 105);
                path.closePath();
                yield path;
            }
            case SHIELD -> {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(200, 10);
                path.lineTo(370, 60);
                path.lineTo(370, 200);
                path.curveTo(370, 300, 290, 360, 200, 390);
                path.curveTo(110, 360, 30, 300, 30, 200);
                path.lineTo(30, 60);
                path.closePath();
                yield path;
            }
        };
    }

    private static Font font(String resource) {
        try (InputStream in = BadgePng.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException(resource + " is unreadable", e);
        }
    }
}
