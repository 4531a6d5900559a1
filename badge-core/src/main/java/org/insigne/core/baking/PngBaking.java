package org.insigne.core.baking;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.insigne.core.baking.BakingFailed.Reason;
import org.jspecify.annotations.Nullable;

/**
 * PNG baking at chunk level (PNG spec §5; OB 2.0 baking spec "PNGs"; OB 3.0 docformat "Baking PNG").
 * Pixels are never decoded: chunks are walked, checked and copied as byte ranges.
 */
final class PngBaking {

    private static final int IHDR = type("IHDR");
    private static final int IEND = type("IEND");
    private static final int IDAT = type("IDAT");
    private static final int ITXT = type("iTXt");
    private static final int TEXT = type("tEXt");
    private static final int ZTXT = type("zTXt");

    private static final byte[] OB2_KEYWORD = "openbadges".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OB3_KEYWORD = "openbadgecredential".getBytes(StandardCharsets.US_ASCII);

    /** length + type before the data, CRC after it. */
    private static final int CHUNK_OVERHEAD = 12;

    private final BakingLimits limits;

    PngBaking(BakingLimits limits) {
        this.limits = limits;
    }

    BakedPayload unbake(byte[] png) throws BakingFailed {
        Scan scan = scan(png, true);
        if (scan.badgeCount == 0) {
            throw new BakingFailed(Reason.NO_BADGE);
        }
        int pos = scan.badgeOffsets[0];
        PayloadKind kind = scan.badgeKinds[0];
        int type = readInt(png, pos + 4);
        int end = pos + 8 + readInt(png, pos);
        int p = pos + 8 + keyword(kind).length + 1;
        if (type == ZTXT) {
            // OB 2.0 baking: the iTXt "MUST NOT be compressed"; a compressed copy is refused, never inflated.
            throw new BakingFailed(Reason.COMPRESSED_PAYLOAD);
        }
        String text;
        if (type == TEXT) {
            // Pre-1.0 bakers wrote the hosted assertion URL in a Latin-1 tEXt chunk; importers still accept it.
            checkPayloadSize(end - p);
            text = new String(png, p, end - p, StandardCharsets.ISO_8859_1);
        } else {
            if (end - p < 2) {
                throw new BakingFailed(Reason.MALFORMED_PNG);
            }
            int compressionFlag = png[p];
            if (compressionFlag == 1) {
                throw new BakingFailed(Reason.COMPRESSED_PAYLOAD);
            }
            if (compressionFlag != 0) {
                throw new BakingFailed(Reason.MALFORMED_PNG);
            }
            p += 2;
            int languageEnd = indexOfNul(png, p, end);
            int translatedEnd = languageEnd < 0 ? -1 : indexOfNul(png, languageEnd + 1, end);
            if (translatedEnd < 0) {
                throw new BakingFailed(Reason.MALFORMED_PNG);
            }
            p = translatedEnd + 1;
            checkPayloadSize(end - p);
            text = utf8(png, p, end - p);
        }
        if (text.isBlank()) {
            throw new BakingFailed(Reason.INVALID_PAYLOAD);
        }
        return new BakedPayload(kind, text, null);
    }

    byte[] bake(byte[] png, BakedPayload payload) throws BakingFailed {
        byte[] text = Payloads.utf8(payload, limits);
        Scan scan = scan(png, false);
        int removed = 0;
        for (int i = 0; i < scan.badgeCount; i++) {
            if (scan.badgeKinds[i] != payload.kind()) {
                throw new BakingFailed(Reason.OTHER_KIND_PRESENT);
            }
            removed += CHUNK_OVERHEAD + readInt(png, scan.badgeOffsets[i]);
        }
        byte[] keyword = keyword(payload.kind());
        // keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL
        int dataLength = keyword.length + 5 + text.length;
        byte[] out = new byte[scan.end - removed + CHUNK_OVERHEAD + dataLength];

        // The badge goes right after IHDR: the spec allows any place between IHDR and IEND.
        System.arraycopy(png, 0, out, 0, scan.ihdrEnd);
        int o = scan.ihdrEnd;
        writeInt(out, o, dataLength);
        writeInt(out, o + 4, ITXT);
        System.arraycopy(keyword, 0, out, o + 8, keyword.length);
        // the five zero bytes are already zero in a new array
        System.arraycopy(text, 0, out, o + 8 + keyword.length + 5, text.length);
        CRC32 crc = new CRC32();
        crc.update(out, o + 4, 4 + dataLength);
        writeInt(out, o + 8 + dataLength, (int) crc.getValue());
        o += CHUNK_OVERHEAD + dataLength;

        // Everything else is copied as whole ranges, skipping only the chunks being replaced.
        int from = scan.ihdrEnd;
        for (int i = 0; i < scan.badgeCount; i++) {
            int at = scan.badgeOffsets[i];
            System.arraycopy(png, from, out, o, at - from);
            o += at - from;
            from = at + CHUNK_OVERHEAD + readInt(png, at);
        }
        System.arraycopy(png, from, out, o, scan.end - from);
        return out;
    }

    /**
     * Walks every chunk: signature already checked by the caller, then length, type, order (IHDR first, IEND
     * last) and CRC. Bytes after IEND are ignored when reading and dropped when baking.
     *
     * <p>CRCs are checked for every chunk except IDAT. Image data is never decoded here and is copied verbatim
     * when baking, so a damaged IDAT cannot change what we read or write; checking it would cost about 10 to
     * 20 µs on a 60 KB badge, several times the whole unbake budget (docs/PERFORMANCE.md, "Baking"). The
     * badge chunk and all other metadata chunks are always checked.
     *
     * @param stopAtSecondBadge true when reading: a second badge chunk, of either keyword, is ambiguous
     */
    private Scan scan(byte[] b, boolean stopAtSecondBadge) throws BakingFailed {
        int n = b.length;
        Scan scan = new Scan();
        CRC32 crc = new CRC32();
        int pos = Sniffing.PNG_SIGNATURE.length;
        boolean first = true;
        while (true) {
            if (n - pos < CHUNK_OVERHEAD) {
                throw new BakingFailed(Reason.TRUNCATED);
            }
            int length = readInt(b, pos);
            if (length < 0) {
                throw new BakingFailed(Reason.MALFORMED_PNG);
            }
            if (length > n - pos - CHUNK_OVERHEAD) {
                throw new BakingFailed(Reason.TRUNCATED);
            }
            int type = readInt(b, pos + 4);
            if (!isValidType(type)) {
                throw new BakingFailed(Reason.MALFORMED_PNG);
            }
            if (first) {
                if (type != IHDR || length != 13) {
                    throw new BakingFailed(Reason.MALFORMED_PNG);
                }
                first = false;
                scan.ihdrEnd = pos + CHUNK_OVERHEAD + length;
            } else if (type == IHDR) {
                throw new BakingFailed(Reason.MALFORMED_PNG);
            }
            if (type != IDAT) {
                crc.reset();
                crc.update(b, pos + 4, 4 + length);
                if ((int) crc.getValue() != readInt(b, pos + 8 + length)) {
                    throw new BakingFailed(Reason.BAD_CHECKSUM, typeName(type));
                }
            }
            if (type == ITXT || type == TEXT || type == ZTXT) {
                PayloadKind kind = keywordKind(b, pos + 8, length);
                if (kind != null) {
                    if (stopAtSecondBadge && scan.badgeCount == 1) {
                        throw new BakingFailed(Reason.AMBIGUOUS);
                    }
                    scan.add(pos, kind);
                }
            }
            pos += CHUNK_OVERHEAD + length;
            if (type == IEND) {
                scan.end = pos;
                return scan;
            }
        }
    }

    private void checkPayloadSize(int bytes) throws BakingFailed {
        if (bytes > limits.maxPayloadBytes()) {
            throw new BakingFailed(Reason.PAYLOAD_TOO_LARGE, limits.maxPayloadBytes());
        }
    }

    private static @Nullable PayloadKind keywordKind(byte[] b, int data, int length) {
        if (hasKeyword(b, data, length, OB2_KEYWORD)) {
            return PayloadKind.OB2_ASSERTION;
        }
        if (hasKeyword(b, data, length, OB3_KEYWORD)) {
            return PayloadKind.OB3_CREDENTIAL;
        }
        return null;
    }

    private static boolean hasKeyword(byte[] b, int data, int length, byte[] keyword) {
        return length > keyword.length && b[data + keyword.length] == 0
                && Arrays.equals(b, data, data + keyword.length, keyword, 0, keyword.length);
    }

    private static byte[] keyword(PayloadKind kind) {
        return kind == PayloadKind.OB2_ASSERTION ? OB2_KEYWORD : OB3_KEYWORD;
    }

    /** Strict UTF-8: the fast decoder first, the reporting one only if a replacement character shows up. */
    private static String utf8(byte[] b, int offset, int length) throws BakingFailed {
        String text = new String(b, offset, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, offset, length));
            } catch (CharacterCodingException e) {
                throw new BakingFailed(Reason.INVALID_PAYLOAD);
            }
        }
        return text;
    }

    private static int indexOfNul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** PNG spec §5.4: chunk type bytes are ASCII letters. */
    private static boolean isValidType(int type) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (type >>> shift) & 0xff;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static String typeName(int type) {
        return new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type},
                StandardCharsets.US_ASCII);
    }

    private static int type(String name) {
        return readInt(name.getBytes(StandardCharsets.US_ASCII), 0);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    private static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    /** Where the chunks of interest are; badge chunks are few, so small growable arrays suffice. */
    private static final class Scan {
        int ihdrEnd;
        int end;
        int badgeCount;
        int[] badgeOffsets = new int[2];
        PayloadKind[] badgeKinds = new PayloadKind[2];

        void add(int offset, PayloadKind kind) {
            if (badgeCount == badgeOffsets.length) {
                badgeOffsets = Arrays.copyOf(badgeOffsets, badgeCount * 2);
                badgeKinds = Arrays.copyOf(badgeKinds, badgeCount * 2);
            }
            badgeOffsets[badgeCount] = offset;
            badgeKinds[badgeCount] = kind;
            badgeCount++;
        }
    }
}
