package org.insigne.core.signing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of CBOR (RFC 8949) that ecdsa-sd-2023 proof values use: unsigned integers, byte strings,
 * arrays and maps. Anything else, an indefinite length, or a length past the end of the input is refused with
 * {@link IllegalArgumentException}: proof values come from strangers.
 */
final class Cbor {

    private static final int MAX_DEPTH = 4;

    private final byte[] in;
    private int at;

    private Cbor(byte[] in, int offset) {
        this.in = in;
        this.at = offset;
    }

    /**
     * The single item encoded from {@code offset} to the end of {@code bytes}: a {@link Long}, a {@code byte[]},
     * a {@link List} or a {@link Map} with {@link Long} keys.
     */
    static Object decode(byte[] bytes, int offset) {
        Cbor reader = new Cbor(bytes, offset);
        Object item = reader.item(0);
        if (reader.at != bytes.length) {
            throw new IllegalArgumentException("trailing bytes after the CBOR item");
        }
        return item;
    }

    private Object item(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("CBOR nested too deeply");
        }
        int initial = next();
        int major = initial >>> 5;
        long length = argument(initial & 0x1f);
        return switch (major) {
            case 0 -> length;
            case 2 -> {
                int n = bounded(length, 1);
                byte[] value = Arrays.copyOfRange(in, at, at + n);
                at += n;
                yield value;
            }
            case 4 -> {
                int n = bounded(length, 1);
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(item(depth + 1));
                }
                yield items;
            }
            case 5 -> {
                int n = bounded(length, 2);
                Map<Long, Object> entries = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    if (!(item(depth + 1) instanceof Long key)) {
                        throw new IllegalArgumentException("CBOR map key is not an integer");
                    }
                    if (entries.put(key, item(depth + 1)) != null) {
                        throw new IllegalArgumentException("duplicate CBOR map key");
                    }
                }
                yield entries;
            }
            default -> throw new IllegalArgumentException("unsupported CBOR major type " + major);
        };
    }

    /** RFC 8949 §3: the argument follows in 0, 1, 2, 4 or 8 bytes; 28–31 (reserved, indefinite) are refused. */
    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int size = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new IllegalArgumentException("unsupported CBOR length encoding");
        };
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | next();
        }
        if (value < 0) {
            throw new IllegalArgumentException("CBOR integer too large");
        }
        return value;
    }

    /** A count of items that each take at least {@code minBytes}: it cannot exceed what is left. */
    private int bounded(long count, int minBytes) {
        if (count > (long) (in.length - at) / minBytes) {
            throw new IllegalArgumentException("CBOR length past the end of the input");
        }
        return (int) count;
    }

    private int next() {
        if (at >= in.length) {
            throw new IllegalArgumentException("CBOR input ends early");
        }
        return in[at++] & 0xff;
    }
}
