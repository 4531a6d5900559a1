package org.insigne.core.ob3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.insigne.core.signing.Multibase;

/**
 * A W3C Bitstring Status List (vc-bitstring-status-list §2.1, §3.1): bit {@code i} counted from the most
 * significant bit of byte 0, 1 meaning revoked (or suspended, per the list's purpose); published as
 * {@code encodedList} = multibase base64url ({@code u}) of the GZIP of the bits. Immutable: {@link #withBit}
 * returns a copy. Issuers build one with {@link #empty(int)}; verifiers read one with {@link #decode}.
 */
public final class BitstringStatusList {

    /** 16 KB: the minimum size the specification sets for group privacy (§ "Bitstring Generation Algorithm"). */
    public static final int MIN_BITS = 131_072;

    /** Decoded lists larger than this are refused: a small GZIP can inflate to gigabytes (HOSTILE B2). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /** All bits clear; {@code size} in bits, at least {@link #MIN_BITS}, a multiple of 8. */
    public static BitstringStatusList empty(int size) {
        if (size < MIN_BITS || size % 8 != 0 || size / 8 > MAX_BYTES) {
            throw new IllegalArgumentException("a status list holds at least " + MIN_BITS + " bits, a multiple of 8");
        }
        return new BitstringStatusList(new byte[size / 8]);
    }

    /** Reads an {@code encodedList}: {@code u}-multibase base64url, or plain base64url (StatusList2021). */
    public static BitstringStatusList decode(String encodedList) throws StatusListUnreadable {
        byte[] compressed;
        try {
            compressed = encodedList.startsWith("u") ? Multibase.decode(encodedList)
                    : Base64.getUrlDecoder().decode(encodedList.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new StatusListUnreadable("encodedList is not base64url");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length > MAX_BYTES) {
                throw new StatusListUnreadable("status list too large");
            }
            return new BitstringStatusList(bits);
        } catch (IOException e) {
            throw new StatusListUnreadable("encodedList is not GZIP");
        }
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status index " + index + " outside the list of " + size());
        }
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    public BitstringStatusList withBit(int index, boolean value) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status index " + index + " outside the list of " + size());
        }
        byte[] copy = bits.clone();
        if (value) {
            copy[index / 8] |= (byte) (0x80 >>> (index % 8));
        } else {
            copy[index / 8] &= (byte) ~(0x80 >>> (index % 8));
        }
        return new BitstringStatusList(copy);
    }

    /** The {@code encodedList} value: {@code u} + base64url(GZIP(bits)). */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory GZIP cannot fail", e);
        }
        return Multibase.base64url(out.toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitstringStatusList other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    /** The list could not be decoded. Message key {@code ob3.status.list-invalid}. */
    public static final class StatusListUnreadable extends Exception {
        public StatusListUnreadable(String detail) {
            super(detail);
        }
    }
}
