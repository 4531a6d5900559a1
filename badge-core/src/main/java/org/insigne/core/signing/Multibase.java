package org.insigne.core.signing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * Multibase strings (W3C Controller Documents §2.4): base58-btc with prefix {@code z} for signatures and
 * keys, base64url without padding with prefix {@code u} for status lists. Decoding refuses anything else
 * with {@link IllegalArgumentException} (callers turn it into a failed check).
 */
public final class Multibase {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Multibase() {
    }

    /** {@code z} + base58-btc. */
    public static String base58btc(byte[] bytes) {
        return "z" + base58(bytes);
    }

    /** {@code u} + base64url without padding. */
    public static String base64url(byte[] bytes) {
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes a {@code z} (base58-btc) or {@code u} (base64url) multibase string. */
    public static byte[] decode(String multibase) {
        if (multibase.isEmpty()) {
            throw new IllegalArgumentException("empty multibase");
        }
        String body = multibase.substring(1);
        return switch (multibase.charAt(0)) {
            case 'z' -> decodeBase58(body);
            case 'u' -> Base64.getUrlDecoder().decode(body);
            default -> throw new IllegalArgumentException("unsupported multibase prefix " + multibase.charAt(0));
        };
    }

    static String base58(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // Base 256 to base 58 digit by digit on a small array (little-endian), without BigInteger: every
        // signature is encoded this way, thousands of times in a bulk award. log(256) / log(58) < 1.37.
        byte[] digits = new byte[(input.length - zeros) * 137 / 100 + 1];
        int length = 0;
        for (int i = zeros; i < input.length; i++) {
            int carry = input[i] & 0xff;
            for (int j = 0; j < length; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[length++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + length);
        out.append("1".repeat(zeros));
        for (int j = length - 1; j >= 0; j--) {
            out.append(ALPHABET.charAt(digits[j]));
        }
        return out.toString();
    }

    static byte[] decodeBase58(String input) {
        if (input.length() > 4096) {
            throw new IllegalArgumentException("base58 string too long");
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int zeros = 0;
        while (zeros < input.length() && input.charAt(zeros) == '1') {
            zeros++;
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid base58 character");
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int strip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - strip];
        System.arraycopy(magnitude, strip, out, zeros, magnitude.length - strip);
        return out;
    }
}
