package org.insigne.core.baking;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Builds PNG files chunk by chunk for tests, including broken ones. */
public final class PngFixtures {

    private PngFixtures() {
    }

    /** A real PNG written by ImageIO; {@code noise} makes it incompressible (about 3 bytes per pixel). */
    public static byte[] png(int width, int height, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noise ? random.nextInt() : (x * 255 / width) << 16 | (y * 255 / height) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] chunk(String type, byte[] data) {
        byte[] out = new byte[12 + data.length];
        writeInt(out, 0, data.length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(out, 4, 4 + data.length);
        writeInt(out, 8 + data.length, (int) crc.getValue());
        return out;
    }

    public static byte[] itxt(String keyword, int compressionFlag, byte[] text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(compressionFlag);
        data.write(0);
        data.write(0);
        data.write(0);
        data.writeBytes(text);
        return chunk("iTXt", data.toByteArray());
    }

    public static byte[] itxt(String keyword, String text) {
        return itxt(keyword, 0, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] text(String keyword, String text) {
        return chunk("tEXt", (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Splits a PNG into its raw chunks (length, type, data and CRC), signature excluded, trailing bytes ignored. */
    public static List<byte[]> chunks(byte[] png) {
        List<byte[]> chunks = new ArrayList<>();
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = readInt(png, pos);
            byte[] chunk = new byte[12 + length];
            System.arraycopy(png, pos, chunk, 0, chunk.length);
            chunks.add(chunk);
            pos += chunk.length;
        }
        return chunks;
    }

    public static String type(byte[] chunk) {
        return new String(chunk, 4, 4, StandardCharsets.US_ASCII);
    }

    /** Reassembles signature and chunks. */
    public static byte[] assemble(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Sniffing.PNG_SIGNATURE);
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Inserts chunks right before IEND. */
    public static byte[] withChunksBeforeEnd(byte[] png, byte[]... extra) {
        List<byte[]> chunks = chunks(png);
        byte[] iend = chunks.remove(chunks.size() - 1);
        chunks.addAll(List.of(extra));
        chunks.add(iend);
        return assemble(chunks);
    }

    public static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    public static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
