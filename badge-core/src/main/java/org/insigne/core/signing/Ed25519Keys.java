package org.insigne.core.signing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;

/**
 * Ed25519 (RFC 8032) with raw 32-byte keys, on BouncyCastle's low-level implementation: it verifies several
 * times faster than the JDK provider, which matters for the verification throughput targets. Also encodes
 * keys as Multikey ({@code z6Mk...}: multicodec {@code 0xed 0x01} + key, base58-btc; W3C Controller
 * Documents §2.2.2).
 */
public final class Ed25519Keys {

    private static final byte[] MULTICODEC_ED25519_PUB = {(byte) 0xed, 0x01};
    private static final byte[] MULTICODEC_ED25519_PRIV = {(byte) 0x80, 0x26};
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Public keys already decoded and validated, by hex. An issuer signs every badge with the same key, and
     * decoding it (a square root in the field, RFC 8032 §5.1.3) is a sixth of a verification. Bounded, keeping
     * the keys used most.
     */
    static final int MAX_PUBLIC_POINTS = 256;
    private static final Cache<String, Ed25519.PublicPoint> PUBLIC_POINTS =
            Caffeine.newBuilder().maximumSize(MAX_PUBLIC_POINTS).build();

    private Ed25519Keys() {
    }

    /** A key pair; {@code privateKey} is the 32-byte seed. */
    public record KeyPair(byte[] publicKey, byte[] privateKey) {
        public KeyPair {
            if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || privateKey.length != Ed25519.SECRET_KEY_SIZE) {
                throw new IllegalArgumentException("Ed25519 keys are 32 bytes");
            }
            publicKey = publicKey.clone();
            privateKey = privateKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        /** {@code z6Mk...} */
        public String publicKeyMultibase() {
            return Ed25519Keys.publicKeyMultibase(publicKey);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyPair other && Arrays.equals(publicKey, other.publicKey)
                    && Arrays.equals(privateKey, other.privateKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }

        @Override
        public String toString() {
            return "Ed25519 " + publicKeyMultibase();
        }
    }

    public static KeyPair generate() {
        byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
        RANDOM.nextBytes(seed);
        return fromPrivateKey(seed);
    }

    public static KeyPair fromPrivateKey(byte[] seed) {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return new KeyPair(publicKey, seed);
    }

    public static byte[] sign(KeyPair keys, byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(keys.privateKey, 0, keys.publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** False for a wrong signature and for malformed keys or signatures; never throws on bad input. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        try {
            Ed25519.PublicPoint point = publicPoint(publicKey);
            return point != null && Ed25519.verify(signature, 0, point, message, 0, message.length);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * The decoded key, or null when it is not a valid encoding. The same checks as verifying with the raw key
     * (canonical encoding, point on the curve); the signed hash input re-encodes the point, which gives the
     * original bytes back since only canonical encodings pass.
     */
    private static Ed25519.@Nullable PublicPoint publicPoint(byte[] publicKey) {
        String key = HexFormat.of().formatHex(publicKey);
        Ed25519.PublicPoint known = PUBLIC_POINTS.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(publicKey, 0);
        if (point != null) {
            PUBLIC_POINTS.put(key, point);
        }
        return point;
    }

    public static String publicKeyMultibase(byte[] publicKey) {
        return Multibase.base58btc(concat(MULTICODEC_ED25519_PUB, publicKey));
    }

    /** {@code z3u2...}: multicodec {@code 0x8026} + seed, as the W3C test key pair is written. */
    public static String privateKeyMultibase(byte[] seed) {
        return Multibase.base58btc(concat(MULTICODEC_ED25519_PRIV, seed));
    }

    /** The raw key of a {@code z6Mk...} Multikey; refuses other key types. */
    public static byte[] decodePublicKeyMultibase(String multibase) {
        byte[] bytes = Multibase.decode(multibase);
        if (bytes.length != 34 || bytes[0] != MULTICODEC_ED25519_PUB[0] || bytes[1] != MULTICODEC_ED25519_PUB[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey");
        }
        return Arrays.copyOfRange(bytes, 2, 34);
    }

    public static byte[] decodePrivateKeyMultibase(String multibase) {
        byte[] bytes = Multibase.decode(multibase);
        if (bytes.length != 34 || bytes[0] != MULTICODEC_ED25519_PRIV[0] || bytes[1] != MULTICODEC_ED25519_PRIV[1]) {
            throw new IllegalArgumentException("not an Ed25519 private Multikey");
        }
        return Arrays.copyOfRange(bytes, 2, 34);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
